package be.fedauth.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A Belgian national register number (rijksregisternummer, numéro de registre national), or a bis
 * number of the Crossroads Bank for Social Security, checked on construction.
 *
 * <p>Eleven digits {@code YYMMDDSSSCC}: birth date, a sequence number and a check number. The check
 * number is {@code 97 - (YYMMDDSSS mod 97)}; for people born from 2000 on it is computed over
 * {@code 2YYMMDDSSS}. A bis number adds 20 (sex unknown) or 40 (sex known) to the month. The month
 * and the day may be 00 when the birth date is unknown.
 *
 * <p>{@link #toString()} masks everything but the check number; {@link #formatted()} and
 * {@link #digits()} give the whole number and must not be logged.
 */
public final class NationalRegisterNumber {
    private final String digits;

    private NationalRegisterNumber(String digits) {
        this.digits = digits;
    }

    /**
     * Parses a number written as 11 digits, optionally with the usual separators
     * ({@code 85.07.30-033.28}, spaces).
     *
     * @throws FedAuthException with {@link ErrorCode#INVALID_NATIONAL_NUMBER} when the input is not a valid number;
     *     the message does not repeat the input
     */
    public static NationalRegisterNumber parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > 32) {
            throw invalid("longer than any written form");
        }
        String digits = text.replaceAll("[.\\-\\s]", "");
        if (digits.length() != 11 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("not 11 digits");
        }
        int month = Integer.parseInt(digits.substring(2, 4));
        int day = Integer.parseInt(digits.substring(4, 6));
        int baseMonth = month >= 40 ? month - 40 : month >= 20 ? month - 20 : month;
        if (baseMonth > 12 || day > 31) {
            throw invalid("no such birth date");
        }
        long body = Long.parseLong(digits.substring(0, 9));
        int check = Integer.parseInt(digits.substring(9));
        boolean before2000 = 97 - (body % 97) == check;
        boolean from2000 = 97 - ((2_000_000_000L + body) % 97) == check;
        if (!before2000 && !from2000) {
            throw invalid("check number does not match");
        }
        return new NationalRegisterNumber(digits);
    }

    /** Whether the text is a valid number, for form validation; prefer {@link #parse(String)}. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (FedAuthException e) {
            return false;
        }
    }

    private static FedAuthException invalid(String why) {
        return new FedAuthException(ErrorCode.INVALID_NATIONAL_NUMBER, "invalid national register number: " + why);
    }

    /** The 11 digits. Personal data: never log it. */
    public String digits() {
        return digits;
    }

    /** The usual written form {@code YY.MM.DD-SSS.CC}. Personal data: never log it. */
    public String formatted() {
        return digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4, 6) + "-"
                + digits.substring(6, 9) + "." + digits.substring(9);
    }

    /** Whether this is a bis number (month increased by 20 or 40). */
    public boolean isBis() {
        return Integer.parseInt(digits.substring(2, 4)) >= 20;
    }

    /** Whether the check number was computed with the rule for births from 2000 on. */
    public boolean bornFrom2000() {
        long body = Long.parseLong(digits.substring(0, 9));
        int check = Integer.parseInt(digits.substring(9));
        return 97 - (body % 97) != check;
    }

    /** The birth date, when the number encodes a complete one. */
    public Optional<LocalDate> birthDate() {
        int yy = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4)) % 20;
        int day = Integer.parseInt(digits.substring(4, 6));
        if (month == 0 || day == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of((bornFrom2000() ? 2000 : 1900) + yy, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Odd sequence numbers are given to men, even ones to women (not meaningful for every bis number). */
    public int sequence() {
        return Integer.parseInt(digits.substring(6, 9));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NationalRegisterNumber other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Masked: only the check number shows. */
    @Override
    public String toString() {
        return "NationalRegisterNumber[**.**.**-***." + digits.substring(9) + "]";
    }
}
