package app.flowmarket.account;

import java.util.List;
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
        return Optional.empty();
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
