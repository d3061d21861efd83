package app.flowmarket.shared;

/**
 * A page of the seller's or the admin's area, declared as a bean by the module that owns it: the area's
 * home lists them and every page of the area shows them as its navigation, so no module has to know the
 * others' pages. Lower {@code order} comes first.
 */
public record AreaPage(Area area, String path, String titleKey, String descriptionKey, int order) {

    public enum Area {
        SELLER("/seller"),
        ADMIN("/admin");

        private final String home;

        Area(String home) {
            this.home = home;
        }

        public String home() {
            return home;
        }
    }

    public static AreaPage seller(String path, String titleKey, String descriptionKey, int order) {
        return new AreaPage(Area.SELLER, path, titleKey, descriptionKey, order);
    }

    public static AreaPage admin(String path, String titleKey, String descriptionKey, int order) {
        return new AreaPage(Area.ADMIN, path, titleKey, descriptionKey, order);
    }
}
