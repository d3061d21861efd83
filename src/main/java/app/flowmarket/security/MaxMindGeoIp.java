package app.flowmarket.security;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.maxmind.db.Reader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Looks addresses up in the MaxMind-format databases named by {@code flowmarket.security.geo-ip.*}. A missing
 * or unreadable database is said once at start-up, and lookups then find nothing.
 */
@Component
class MaxMindGeoIp implements GeoIpLookup, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MaxMindGeoIp.class);

    private final @Nullable Reader city;
    private final @Nullable Reader asn;

    @org.springframework.beans.factory.annotation.Autowired
    MaxMindGeoIp(SecuritySettings settings) {
        this(settings.geoIp().cityDatabase(), settings.geoIp().asnDatabase());
    }

    MaxMindGeoIp(@Nullable Path cityDatabase, @Nullable Path asnDatabase) {
        this.city = open(cityDatabase, "city");
        this.asn = open(asnDatabase, "ASN");
        if (city == null) {
            log.warn("No GeoIP city database (flowmarket.security.geo-ip.city-database): sign-in alerts go by device and address only, "
                    + "and sessions show no place");
        }
    }

    private static @Nullable Reader open(@Nullable Path path, String kind) {
        if (path == null) {
            return null;
        }
        if (!Files.isReadable(path)) {
            log.warn("GeoIP {} database {} cannot be read; going without it", kind, path);
            return null;
        }
        try {
            return new Reader(new File(path.toString()), Reader.FileMode.MEMORY_MAPPED);
        } catch (IOException | RuntimeException e) {
            log.warn("GeoIP {} database {} is not a MaxMind database ({}); going without it", kind, path, e.toString());
            return null;
        }
    }

    @Override
    public Optional<Place> lookup(String address) {
        if (city == null && asn == null) {
            return Optional.empty();
        }
        InetAddress inet;
        try {
            // a literal address only: never a name to resolve
            if (address.isEmpty() || !(address.indexOf(':') >= 0 || address.matches("[0-9.]+"))) {
                return Optional.empty();
            }
            inet = InetAddress.getByName(address);
        } catch (IOException e) {
            return Optional.empty();
        }
        Map<?, ?> cityRecord = record(city, inet);
        Map<?, ?> asnRecord = record(asn, inet);
        String country = name(cityRecord.get("country"));
        String cityName = name(cityRecord.get("city"));
        String network = asnRecord.get("autonomous_system_organization") instanceof String org ? org : null;
        if (asnRecord.get("autonomous_system_number") instanceof Number number) {
            network = "AS" + number.longValue() + (network == null ? "" : " " + network);
        }
        if (country == null && cityName == null && network == null) {
            return Optional.empty();
        }
        return Optional.of(new Place(country, cityName, network));
    }

    private static Map<?, ?> record(@Nullable Reader reader, InetAddress inet) {
        if (reader == null) {
            return Map.of();
        }
        try {
            Map<?, ?> found = reader.get(inet, Map.class);
            return found == null ? Map.of() : found;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** The English name of a GeoIP place record ({"names": {"en": "France"}}). */
    private static @Nullable String name(@Nullable Object placeRecord) {
        if (placeRecord instanceof Map<?, ?> map && map.get("names") instanceof Map<?, ?> names && names.get("en") instanceof String en) {
            return en;
        }
        return null;
    }

    @Override
    public void destroy() throws IOException {
        if (city != null) {
            city.close();
        }
        if (asn != null) {
            asn.close();
        }
    }
}
