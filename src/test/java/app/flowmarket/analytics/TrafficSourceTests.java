package app.flowmarket.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import app.flowmarket.analytics.TrafficSource.Channel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrafficSourceTests {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            null                                          | DIRECT   | ''
            ''                                            | DIRECT   | ''
            https://flowmarket.example/workflows/x        | INTERNAL | ''
            https://www.google.com/                       | SEARCH   | google
            https://www.google.co.uk/search?q=n8n         | SEARCH   | google
            https://duckduckgo.com/                       | SEARCH   | duckduckgo
            https://www.bing.com/search?q=zapier          | SEARCH   | bing
            https://yandex.ru/                            | SEARCH   | yandex
            https://t.co/AbCdEf                           | SOCIAL   | x
            https://x.com/someone/status/1                | SOCIAL   | x
            https://www.linkedin.com/feed/                | SOCIAL   | linkedin
            https://uk.linkedin.com/in/someone            | SOCIAL   | linkedin
            https://lnkd.in/abc                           | SOCIAL   | linkedin
            https://old.reddit.com/r/n8n/                 | SOCIAL   | reddit
            https://out.reddit.com/t3_abc                 | SOCIAL   | reddit
            https://news.ycombinator.com/item?id=1        | SOCIAL   | hacker news
            https://l.facebook.com/l.php?u=x              | SOCIAL   | facebook
            https://mail.google.com/mail/u/0/             | EMAIL    | gmail
            android-app://com.linkedin.android            | SOCIAL   | linkedin
            android-app://com.google.android.gm           | EMAIL    | gmail
            https://community.n8n.io/t/some-thread        | OTHER    | community.n8n.io
            https://blog.example.com/best-zaps            | OTHER    | blog.example.com
            not a url at all                              | OTHER    | ''
            javascript:alert(1)                           | OTHER    | ''
            """)
    void classifiesTheReferrerHost(String referer, Channel channel, String referrer) {
        TrafficSource source = TrafficSource.classify(referer, "flowmarket.example", null, null, null, null);
        assertThat(source.channel()).isEqualTo(channel);
        assertThat(source.referrer()).isEqualTo(referrer);
    }

    @ParameterizedTest(name = "utm_source={0} utm_medium={1} ref={2} → {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            twitter     | social     | null     | SOCIAL | x
            LinkedIn    | null       | null     | SOCIAL | linkedin
            null        | null       | reddit   | SOCIAL | reddit
            newsletter  | email      | null     | EMAIL  | newsletter
            acme        | email      | null     | EMAIL  | acme
            google      | cpc        | null     | SEARCH | google
            mastodon.art| social     | null     | SOCIAL | mastodon.art
            partner-blog| referral   | null     | OTHER  | partner-blog
            """)
    void taggedLinksWinOverTheReferrer(String utmSource, String utmMedium, String ref, Channel channel, String referrer) {
        TrafficSource source = TrafficSource.classify("https://www.google.com/", "flowmarket.example", utmSource, utmMedium, "Spring Sale", ref);
        assertThat(source.channel()).isEqualTo(channel);
        assertThat(source.referrer()).isEqualTo(referrer);
        assertThat(source.campaign()).isEqualTo("spring sale");
    }

    @org.junit.jupiter.api.Test
    void longOrControlCharacterValuesAreCutDown() {
        TrafficSource source = TrafficSource.classify(null, "h", "x".repeat(500) + "\n", null, null, null);
        assertThat(source.referrer()).hasSize(TrafficSource.MAX).doesNotContain("\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            null                                                                                         | true
            ''                                                                                           | true
            curl/8.5.0                                                                                   | true
            Java-http-client/21                                                                          | true
            Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)                     | true
            Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)                      | true
            facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)                    | true
            Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36 | true
            Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0                       | false
            Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1 | false
            """)
    void tellsBotsFromPeople(String userAgent, boolean bot) {
        assertThat(Bots.isBot(userAgent)).isEqualTo(bot);
    }
}
