package app.flowmarket.account;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import org.springframework.stereotype.Component;

/**
 * Password rules: at least 10 characters, at most 256 (long pass-phrases are welcome), not one
 * of the commonly used passwords, and strong enough by zxcvbn's estimate (score 3 of 4), with the
 * person's e-mail and name counted as guessable.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 256;
    private static final int MEASURED_PREFIX = 100;

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /** Returns the message key of the first broken rule, or empty when the password is fine. */
    Optional<String> check(String password, String... personalInputs) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.too-long");
        }
        // zxcvbn is super-linear in length; a long prefix tells us all we need
        String measured = password.length() > MEASURED_PREFIX ? password.substring(0, MEASURED_PREFIX) : password;
        Strength strength = zxcvbn.measure(measured, List.of(personalInputs));
        if (isCommon(strength, measured)) {
            return Optional.of("password.common");
        }
        if (strength.getScore() < 3) {
            return Optional.of("password.too-weak");
        }
        if (leansOnPersonalData(password, personalInputs)) {
            return Optional.of("password.personal");
        }
        return Optional.empty();
    }

    /**
     * True when the password is strong only thanks to the person's name or e-mail address ("janedoe12345"
     * for Jane Doe): once those are taken out, what is left must still be a good password on its own.
     */
    private boolean leansOnPersonalData(String password, String... personalInputs) {
        String compact = compact(password);
        List<String> personal = new ArrayList<>();
        for (String input : personalInputs) {
            if (input == null) {
                continue;
            }
            String value = input.contains("@") ? input.substring(0, input.indexOf('@')) : input;
            personal.add(compact(value));
            for (String part : value.split("[^\\p{L}\\p{N}]+")) {
                personal.add(compact(part));
            }
        }
        personal.removeIf(part -> part.length() < 3);
        personal.sort(Comparator.comparingInt(String::length).reversed());
        String rest = compact;
        for (String part : personal) {
            rest = rest.replace(part, "");
        }
        if (rest.equals(compact)) {
            return false;
        }
        return rest.length() < MIN_LENGTH || zxcvbn.measure(rest).getScore() < 3;
    }

    private static String compact(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static boolean isCommon(Strength strength, String password) {
        List<Match> sequence = strength.getSequence();
        if (sequence.size() != 1) {
            return false;
        }
        Match match = sequence.get(0);
        return match.pattern == Pattern.Dictionary && "passwords".equals(match.dictionaryName)
                && match.token.length() == password.length();
    }
}
