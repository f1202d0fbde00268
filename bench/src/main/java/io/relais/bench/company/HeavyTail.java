package io.relais.bench.company;

import java.util.SplittableRandom;

/** The skewed distributions of a social graph: lognormal out-degrees, Pareto group sizes, Zipf popularity. */
public final class HeavyTail {

    private HeavyTail() {
    }

    /** Lognormal with the given median (e^mu) and shape sigma. */
    public static double lognormal(SplittableRandom rnd, double median, double sigma) {
        return median * Math.exp(sigma * gaussian(rnd));
    }

    /** Pareto with minimum xmin and tail index alpha (smaller alpha, heavier tail). */
    public static double pareto(SplittableRandom rnd, double xmin, double alpha) {
        return xmin / Math.pow(1.0 - rnd.nextDouble(), 1.0 / alpha);
    }

    static double gaussian(SplittableRandom rnd) {
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Samples ranks 0..n-1 with probability proportional to 1/(rank+1)^s. */
    public static final class Zipf {
        private final double[] cumulative;

        public Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1.0 / Math.pow(i + 1, s);
                cumulative[i] = sum;
            }
        }

        public int sample(SplittableRandom rnd) {
            double x = rnd.nextDouble() * cumulative[cumulative.length - 1];
            int lo = 0, hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < x) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }
}
