package be.fedauth.benchmarks;

import java.util.Map;
import java.util.Optional;

/**
 * One line of the report: a figure of fedauth (the subject) set against a reference measured in the
 * same run, the ratio between them and, where issue 7 sets one, the target.
 */
record Comparison(String section, String measure, Ref subject, Ref reference, Kind kind, double target) {

    /** A benchmark method with its parameters and thread count. */
    record Ref(String label, String method, Map<String, String> params, int threads) {
        static Ref of(String label, String method, int threads) {
            return new Ref(label, method, Map.of(), threads);
        }

        static Ref of(String label, String method, Map<String, String> params) {
            return new Ref(label, method, params, 1);
        }

        Optional<Runs.Figure> in(Runs runs) {
            return runs.find(method, params, threads);
        }
    }

    /** How the ratio is formed and read. */
    enum Kind {
        /** Times per operation; ratio = subject / reference; met when at most the target. */
        SLOWER_AT_MOST,
        /** Times per operation; ratio = reference / subject (speed-up); met when at least the target. */
        FASTER_AT_LEAST,
        /** Operations per second; ratio = subject / reference; met when at least the target. */
        MORE_AT_LEAST,
        /** Times per operation; ratio = subject / reference; no target. */
        SLOWER_INFO,
        /** Operations per second; ratio = subject / reference; no target. */
        MORE_INFO
    }

    Optional<Double> ratio(Runs runs) {
        Optional<Runs.Figure> s = subject.in(runs);
        Optional<Runs.Figure> r = reference.in(runs);
        if (s.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        double a = s.get().score();
        double b = r.get().score();
        return Optional.of(kind == Kind.FASTER_AT_LEAST ? b / a : a / b);
    }

    String targetText() {
        return switch (kind) {
            case SLOWER_AT_MOST -> "<= " + fmt(target) + "x";
            case FASTER_AT_LEAST -> ">= " + fmt(target) + "x faster";
            case MORE_AT_LEAST -> ">= " + fmt(target) + "x";
            case SLOWER_INFO, MORE_INFO -> "-";
        };
    }

    String verdict(Runs runs) {
        Optional<Double> ratio = ratio(runs);
        if (ratio.isEmpty()) {
            return "not measured";
        }
        return switch (kind) {
            case SLOWER_AT_MOST -> ratio.get() <= target ? "met" : "MISSED";
            case FASTER_AT_LEAST, MORE_AT_LEAST -> ratio.get() >= target ? "met" : "MISSED";
            case SLOWER_INFO, MORE_INFO -> "";
        };
    }

    static String fmt(double d) {
        return d >= 100 ? String.format("%.0f", d) : d >= 10 ? String.format("%.1f", d) : String.format("%.2f", d);
    }
}
