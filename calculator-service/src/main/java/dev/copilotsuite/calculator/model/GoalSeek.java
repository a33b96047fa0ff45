package dev.copilotsuite.calculator.model;

import static dev.copilotsuite.calculator.model.GoalSeekException.INVALID_GOAL;
import static dev.copilotsuite.calculator.model.GoalSeekException.UNKNOWN_INPUT;
import static dev.copilotsuite.calculator.model.GoalSeekException.UNKNOWN_OUTPUT;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.GoalSeekResult;
import dev.copilotsuite.events.calculator.InputDef;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.format.Figures;

/**
 * Finds the value of one input that brings one output to a target ("how many agents for a peak of 100 %?").
 *
 * <p>The outputs are not all monotone in an input (net recovery rises with agents until the peak is served,
 * then falls), so the input's bounds are scanned first, on a linear and a geometric grid (an answer of 34
 * agents must not fall between two points of a linear grid of 0 – 100000), and every bracket where the
 * output crosses the target is a candidate; the one nearest the input's current value is bisected. When no
 * bracket exists the answer is the value whose output comes closest to the target.
 */
public final class GoalSeek {

    /** Intervals of each scan grid. */
    private static final int GRID = 128;
    /** The geometric grid of an input whose lower bound is 0 starts at this fraction of the upper bound. */
    private static final double GEOMETRIC_FLOOR = 1e-9;
    /** Whole-number inputs with at most this many values are scanned value by value. */
    private static final int WHOLE_SCAN = 10000;
    /** How close to the target, relative, an output counts as reaching it. */
    private static final double TOLERANCE = 1e-6;
    private static final int MAX_STEPS = 200;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private GoalSeek() {
    }

    /**
     * @param inputPath a numeric input, as a change names it: {@code humanAgents}, {@code buckets.bucket1.contactRate}
     * @param outputKey an operation output ({@code peakUtilization}) or {@code buckets.<bucket>.<bucket output>}
     * @throws GoalSeekException for an unknown input or output, a strategy input or a target that is not finite
     */
    public static GoalSeekResult seek(RoiInputs current, String inputPath, String outputKey, double target) {
        InputDef input = input(inputPath);
        Output output = output(outputKey);
        if (!Double.isFinite(target)) {
            throw new GoalSeekException(INVALID_GOAL, "The target for " + output.label()
                    + " must be a finite number, not " + target + ".");
        }
        return new Search(current, input, output, target).run();
    }

    private static InputDef input(String path) {
        InputDef def = InputCatalog.byPath(path).orElseThrow(() -> new GoalSeekException(UNKNOWN_INPUT,
                "There is no input '" + path + "'; the inputs are " + String.join(", ", InputCatalog.operationKeys())
                        + " and buckets.<bucket1-4>.<" + String.join("|", InputCatalog.bucketKeys()) + ">."));
        if (def.isStrategy()) {
            throw new GoalSeekException(INVALID_GOAL, def.displayName() + " (" + path + ") is a choice among "
                    + String.join(", ", def.values())
                    + ", not a number to seek; compare the strategies with scenarios.");
        }
        return def;
    }

    /** An operation output (bucket null) or one bucket's output. */
    private record Output(String key, String bucket, OutputDef def) {

        Double read(RoiOutputs out) {
            return bucket == null ? OutputValues.operation(out, def.key())
                    : OutputValues.bucket(out.buckets().get(bucket), def.key());
        }

        String label() {
            return bucket == null ? def.label() : def.label() + " in " + Figures.bucket(bucket);
        }
    }

    private static Output output(String key) {
        String[] parts = key == null ? new String[0] : key.split("\\.", -1);
        if (parts.length == 1) {
            return OutputCatalog.operation(key).map(def -> new Output(key, null, def))
                    .orElseThrow(() -> unknownOutput(key));
        }
        if (parts.length == 3 && (InputCatalog.BUCKETS_PREFIX).equals(parts[0] + ".")
                && BucketSet.NAMES.contains(parts[1])) {
            return OutputCatalog.bucket(parts[2]).map(def -> new Output(key, parts[1], def))
                    .orElseThrow(() -> unknownOutput(key));
        }
        throw unknownOutput(key);
    }

    private static GoalSeekException unknownOutput(String key) {
        return new GoalSeekException(UNKNOWN_OUTPUT, "There is no output '" + key + "'; the outputs are "
                + String.join(", ", OutputCatalog.operation().stream().map(OutputDef::key).toList())
                + " and buckets.<bucket1-4>.<"
                + String.join("|", OutputCatalog.bucket().stream().map(OutputDef::key).toList()) + ">.");
    }

    /** A point of the search: an input value and the output there, null where the output is undefined. */
    private record Point(double x, Double y) {
    }

    /** One goal seek: the function of the input it explores, and how it words the answer. */
    private static final class Search {

        private final RoiInputs current;
        private final InputDef input;
        private final Output output;
        private final double target;
        private final double from;

        Search(RoiInputs current, InputDef input, Output output, double target) {
            this.current = current;
            this.input = input;
            this.output = output;
            this.target = target;
            this.from = ((Number) InputCatalog.valueOf(current, input)).doubleValue();
        }

        GoalSeekResult run() {
            Point now = at(from);
            if (now.y() != null && Math.abs(now.y() - target) <= tolerance(0)) {
                return result(true, now, output.label() + " is already " + figure(now.y()) + " with "
                        + input.displayName() + " at " + plain(from) + ".");
            }
            List<Point> grid = scan();
            List<Point[]> brackets = new ArrayList<>();
            for (int i = 0; i + 1 < grid.size(); i++) {
                Point a = grid.get(i);
                Point b = grid.get(i + 1);
                if (a.y() != null && b.y() != null && Math.signum(a.y() - target) * Math.signum(b.y() - target) <= 0) {
                    brackets.add(new Point[] {a, b});
                }
            }
            brackets.sort(Comparator.comparingDouble(pair -> distance(pair[0].x(), pair[1].x())));
            for (Point[] bracket : brackets) {
                GoalSeekResult found = bisect(bracket[0], bracket[1], now);
                if (found != null) {
                    return found;
                }
            }
            return closest(grid, now);
        }

        /** The grid: the bounds, the current value, a linear and a geometric scan (or every whole number). */
        private List<Point> scan() {
            double min = input.min();
            double max = input.max();
            TreeSet<Double> xs = new TreeSet<>();
            xs.add(min);
            xs.add(max);
            xs.add(from);
            if (input.integer() && max - min <= WHOLE_SCAN) {
                for (double x = min; x <= max; x++) {
                    xs.add(x);
                }
            } else {
                double low = min > 0 ? min : max * GEOMETRIC_FLOOR;
                for (int i = 0; i <= GRID; i++) {
                    xs.add(snap(min + (max - min) * i / GRID));
                    xs.add(snap(Math.min(max, low * Math.pow(max / low, (double) i / GRID))));
                }
            }
            return xs.stream().map(this::at).toList();
        }

        /** Bisects a bracket; null when the output turns out undefined inside it or has a jump, not a root. */
        private GoalSeekResult bisect(Point a, Point b, Point now) {
            double scale = Math.max(Math.abs(a.y()), Math.abs(b.y()));
            for (int step = 0; step < MAX_STEPS && a.y() != target && b.y() != target; step++) {
                double mid = input.integer() ? Math.floor((a.x() + b.x()) / 2) : a.x() + (b.x() - a.x()) / 2;
                if (mid <= a.x() || mid >= b.x()) {
                    break;
                }
                Point m = at(mid);
                if (m.y() == null) {
                    return null;
                }
                if (Math.signum(m.y() - target) == Math.signum(a.y() - target)) {
                    a = m;
                } else {
                    b = m;
                }
            }
            Point best = Math.abs(a.y() - target) <= Math.abs(b.y() - target) ? a : b;
            boolean exact = Math.abs(best.y() - target) <= tolerance(scale);
            if (input.integer() && !exact) {
                // Whole numbers step over the target: it lies between the outputs of a and b.
                String[] figures = distinct(target, a.y(), b.y());
                return result(true, best, output.label() + " passes " + figures[0] + " between " + plain(a.x())
                        + " (" + figures[1] + ") and " + plain(b.x()) + " (" + figures[2] + ") "
                        + input.displayName() + "; no whole number gives it exactly, " + plain(best.x())
                        + " comes closest.");
            }
            return exact ? reached(best, now) : null;
        }

        private GoalSeekResult reached(Point p, Point now) {
            return result(true, p, "Setting " + input.displayName() + " to " + plain(p.x()) + " (from " + plain(from)
                    + ") brings " + output.label() + " to " + figure(p.y()) + " (from " + figure(now.y()) + ").");
        }

        /** No value reaches the target: the one that comes closest, refined between its grid neighbours. */
        private GoalSeekResult closest(List<Point> grid, Point now) {
            int best = -1;
            for (int i = 0; i < grid.size(); i++) {
                if (grid.get(i).y() != null && (best < 0 || miss(grid.get(i)) < miss(grid.get(best)))) {
                    best = i;
                }
            }
            String range = plain(input.min()) + " – " + plain(input.max());
            if (best < 0) {
                return new GoalSeekResult(input.path(), output.key(), target, false, null, null, output.label()
                        + " is not defined for any value of " + input.displayName() + " within " + range + ".");
            }
            Point point = grid.get(best);
            boolean atBound = best == 0 || best == grid.size() - 1;
            if (!atBound && !input.integer()) {
                point = refine(grid.get(best - 1).x(), grid.get(best + 1).x(), point);
            }
            // An output that touches the target without crossing it (at an extremum) leaves no bracket.
            if (miss(point) <= tolerance(Math.abs(point.y()))) {
                return reached(point, now);
            }
            String[] figures = distinct(point.y(), target);
            String cannot = output.label() + " cannot reach " + figures[1] + " by changing " + input.displayName()
                    + " within " + range;
            String side = point.y() > target ? "above" : "below";
            String message = atBound
                    ? cannot + ": even at " + plain(point.x()) + " (its " + (best == 0 ? "lower" : "upper")
                            + " bound) it stays " + side + ", at " + figures[0] + "."
                    : cannot + ": it comes closest at " + plain(point.x()) + ", where it is " + figures[0] + ".";
            return result(false, point, message);
        }

        /** Golden-section search for the smallest miss between two grid points around the best one. */
        private Point refine(double lo, double hi, Point best) {
            double c = hi - GOLDEN * (hi - lo);
            double d = lo + GOLDEN * (hi - lo);
            Point pc = at(c);
            Point pd = at(d);
            for (int step = 0; step < MAX_STEPS && hi - lo > 1e-12 * Math.max(Math.abs(lo), Math.abs(hi)); step++) {
                if (miss(pc) <= miss(pd)) {
                    hi = d;
                    d = c;
                    pd = pc;
                    c = hi - GOLDEN * (hi - lo);
                    pc = at(c);
                } else {
                    lo = c;
                    c = d;
                    pc = pd;
                    d = lo + GOLDEN * (hi - lo);
                    pd = at(d);
                }
            }
            Point refined = miss(pc) <= miss(pd) ? pc : pd;
            return miss(refined) < miss(best) ? refined : best;
        }

        private Point at(double x) {
            return new Point(x, output.read(RoiModel.evaluate(InputCatalog.with(current, input, x))));
        }

        /** Distance from the target; an undefined output is infinitely far. */
        private double miss(Point p) {
            return p.y() == null ? Double.POSITIVE_INFINITY : Math.abs(p.y() - target);
        }

        /** 1e-6 of the target; for a target of 0, 1e-9 of the output's size around the root. */
        private double tolerance(double scale) {
            return target != 0 ? TOLERANCE * Math.abs(target) : 1e-9 * scale;
        }

        /** From the current value to the nearest point of [a, b]. */
        private double distance(double a, double b) {
            return from < a ? a - from : from > b ? from - b : 0;
        }

        /** A grid value of a whole-number input is a whole number; a real one is kept within the bounds. */
        private double snap(double x) {
            double inBounds = Math.max(input.min(), Math.min(input.max(), x));
            return input.integer() ? Math.rint(inBounds) : inBounds;
        }

        private GoalSeekResult result(boolean reached, Point p, String message) {
            return new GoalSeekResult(input.path(), output.key(), target, reached, p.x(), p.y(), message);
        }

        private String figure(Double value) {
            return output.def().format(value);
        }

        /**
         * Figures as people read them, or all of them to four significant digits where rounding would show two
         * different values alike ("10%" and "10%" for 9.8 % and 10.06 %).
         */
        private String[] distinct(double... values) {
            String[] figures = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                figures[i] = figure(values[i]);
                for (int j = 0; j < i; j++) {
                    if (figures[i].equals(figures[j]) && values[i] != values[j]) {
                        return Arrays.stream(values).mapToObj(this::precise).toArray(String[]::new);
                    }
                }
            }
            return figures;
        }

        private String precise(double value) {
            return output.def().unit() == OutputDef.Unit.PERCENT
                    ? significant(value * 100, 4) + "%"
                    : significant(value, 4);
        }
    }

    /** An input value as people write it, to six significant digits: 34.2797, 100000. */
    private static String plain(double value) {
        return significant(value, 6);
    }

    private static String significant(double value, int digits) {
        return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
