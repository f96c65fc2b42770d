package be.fedauth.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;

/** The results of the suite's JMH runs, looked up by method, parameters and thread count. */
final class Runs {
    /** One measured figure. */
    record Figure(String benchmark, String method, Map<String, String> params, int threads, double score, double error,
                  String unit) {
        String key() {
            return Runs.key(method, params, threads);
        }
    }

    private final Map<String, Figure> figures = new LinkedHashMap<>();

    void addAll(Collection<RunResult> results) {
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Map<String, String> params = new TreeMap<>();
            for (String p : r.getParams().getParamsKeys()) {
                params.put(p, r.getParams().getParam(p));
            }
            Figure f = new Figure(benchmark, method, params, r.getParams().getThreads(), r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError(), r.getPrimaryResult().getScoreUnit());
            figures.put(f.key(), f);
        }
    }

    Optional<Figure> find(String method, Map<String, String> params, int threads) {
        return Optional.ofNullable(figures.get(key(method, new TreeMap<>(params), threads)));
    }

    List<Figure> all() {
        return new ArrayList<>(figures.values());
    }

    static String key(String method, Map<String, String> params, int threads) {
        return method + new TreeMap<>(params) + "@" + threads;
    }
}
