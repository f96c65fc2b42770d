package be.fedauth.core;

import java.util.Objects;

/**
 * A Belgian enterprise number (KBO/BCE ondernemingsnummer, numéro d'entreprise): ten digits whose
 * last two are {@code 97 - (first eight mod 97)}, starting with 0 or 1. Older nine-digit numbers are
 * read with a leading 0. Input may carry a "BE" prefix, dots and spaces.
 *
 * <p>Enterprise numbers are public; {@link #toString()} shows the formatted number.
 */
public final class EnterpriseNumber {
    private final String digits;

    private EnterpriseNumber(String digits) {
        this.digits = digits;
    }

    /**
     * Parses {@code 0403.170.701}, {@code BE 0403170701} or {@code 403170701}.
     *
     * @throws FedAuthException with {@link ErrorCode#INVALID_ENTERPRISE_NUMBER}
     */
    public static EnterpriseNumber parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > 32) {
            throw invalid("longer than any written form");
        }
        String digits = text.replaceAll("[.\\s]", "");
        if (digits.regionMatches(true, 0, "BE", 0, 2)) {
            digits = digits.substring(2);
        }
        if (digits.length() == 9) {
            digits = "0" + digits;
        }
        if (digits.length() != 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("not 10 digits");
        }
        if (digits.charAt(0) != '0' && digits.charAt(0) != '1') {
            throw invalid("must start with 0 or 1");
        }
        long body = Long.parseLong(digits.substring(0, 8));
        int check = Integer.parseInt(digits.substring(8));
        if (97 - (body % 97) != check) {
            throw invalid("check number does not match");
        }
        return new EnterpriseNumber(digits);
    }

    private static FedAuthException invalid(String why) {
        return new FedAuthException(ErrorCode.INVALID_ENTERPRISE_NUMBER, "invalid enterprise number: " + why);
    }

    /** The ten digits. */
    public String digits() {
        return digits;
    }

    /** The written form {@code 0XXX.XXX.XXX}. */
    public String formatted() {
        return digits.substring(0, 4) + "." + digits.substring(4, 7) + "." + digits.substring(7);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnterpriseNumber other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return formatted();
    }
}
