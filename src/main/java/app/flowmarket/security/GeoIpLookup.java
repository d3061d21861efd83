package app.flowmarket.security;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Where an address is, approximately: a MaxMind-format database (GeoLite2/GeoIP2 City, optionally ASN) when
 * one is configured, otherwise nothing, and sign-in alerts then go by device and address alone.
 */
public interface GeoIpLookup {

    /** Country and city (either may be unknown) and the network's owner (autonomous system), when known. */
    record Place(@Nullable String country, @Nullable String city, @Nullable String asn) {

        /** "Lyon, France" or "France"; empty when nothing is known. */
        public String label() {
            if (country == null) {
                return city == null ? "" : city;
            }
            return city == null ? country : city + ", " + country;
        }
    }

    Optional<Place> lookup(String address);
}
