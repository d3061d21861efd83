package app.flowmarket.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Places of sign-ins from MaxMind-format databases, built here (no database is downloaded). */
class MaxMindGeoIpTests {

    @TempDir
    Path dir;

    Path city() throws Exception {
        return new TinyGeoIpDatabase()
                .network("198.51.100.0/24", Map.of("country", Map.of("iso_code", "FR", "names", Map.of("en", "France")),
                        "city", Map.of("names", Map.of("en", "Lyon"))))
                .network("203.0.113.0/25", Map.of("country", Map.of("iso_code", "ES", "names", Map.of("en", "Spain"))))
                .write(dir.resolve("city.mmdb"), "GeoLite2-City");
    }

    Path asn() throws Exception {
        return new TinyGeoIpDatabase()
                .network("198.51.100.0/24", Map.of("autonomous_system_number", 64500L, "autonomous_system_organization", "Example Net"))
                .write(dir.resolve("asn.mmdb"), "GeoLite2-ASN");
    }

    @Test
    void findsCountryCityAndNetworkOfAnAddress() throws Exception {
        MaxMindGeoIp geoIp = new MaxMindGeoIp(city(), asn());

        assertThat(geoIp.lookup("198.51.100.7")).contains(new GeoIpLookup.Place("France", "Lyon", "AS64500 Example Net"));
        assertThat(geoIp.lookup("203.0.113.9").orElseThrow().label()).isEqualTo("Spain");
        assertThat(geoIp.lookup("192.0.2.1")).isEmpty();
        geoIp.destroy();
    }

    @Test
    void withoutAUsableDatabaseNothingIsFoundAndNothingFails() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.mmdb"), "not a database");

        assertThat(new MaxMindGeoIp(null, null).lookup("198.51.100.7")).isEmpty();
        assertThat(new MaxMindGeoIp(dir.resolve("missing.mmdb"), null).lookup("198.51.100.7")).isEmpty();
        assertThat(new MaxMindGeoIp(garbage, null).lookup("198.51.100.7")).isEmpty();
    }

    @Test
    void looksUpLiteralAddressesOnlyNeverNames() throws Exception {
        MaxMindGeoIp geoIp = new MaxMindGeoIp(city(), null);

        assertThat(geoIp.lookup("example.com")).isEmpty();
        assertThat(geoIp.lookup("")).isEmpty();
        assertThat(geoIp.lookup("2001:db8::1")).isEmpty();
    }
}
