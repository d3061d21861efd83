package app.flowmarket.currency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the ECB's daily euro foreign exchange reference rates ({@code eurofxref-daily.xml}): one
 * {@code <Cube time="…">} holding a {@code <Cube currency="USD" rate="1.1516"/>} per currency. The
 * document is parsed with DTDs and external entities off, and refused unless it is one dated day of
 * positive rates.
 */
class EcbFeed {

    static final String NAMESPACE = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    EcbFeed(URI url) {
        this.url = url;
    }

    DailyRates fetch() {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).header("Accept", "application/xml, text/xml").GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The ECB answered " + response.statusCode() + " for " + url);
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("The ECB's rates could not be fetched from " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static DailyRates parse(byte[] xml) {
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("The ECB's rates are not readable XML: " + e.getMessage(), e);
        }
        NodeList cubes = document.getElementsByTagNameNS(NAMESPACE, "Cube");
        LocalDate date = null;
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (int i = 0; i < cubes.getLength(); i++) {
            Element cube = (Element) cubes.item(i);
            if (cube.hasAttribute("time")) {
                if (date != null) {
                    throw new IllegalStateException("The ECB's document holds more than one day");
                }
                try {
                    date = LocalDate.parse(cube.getAttribute("time"));
                } catch (DateTimeParseException e) {
                    throw new IllegalStateException("The ECB's rates carry no readable date: " + cube.getAttribute("time"));
                }
            } else if (cube.hasAttribute("currency")) {
                String currency = cube.getAttribute("currency").strip();
                BigDecimal rate;
                try {
                    rate = new BigDecimal(cube.getAttribute("rate").strip());
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("The ECB's rate for " + currency + " is not a number");
                }
                if (!currency.matches("[A-Z]{3}") || rate.signum() <= 0) {
                    throw new IllegalStateException("The ECB's document holds an impossible rate: " + currency + " " + rate);
                }
                rates.put(currency, rate);
            }
        }
        if (date == null || rates.isEmpty()) {
            throw new IllegalStateException("The ECB's document holds no rates");
        }
        return new DailyRates(date, "ecb", rates);
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
