package dev.complianceharness.property.stateful.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether operations observed on parallel branches can be ordered into one sequence that the
 * model accepts and that respects real time (a call that returned before another started comes first):
 * a depth-first search over interleavings, memoised on (model state, branch positions) and bounded in
 * the number of states it visits. Hitting the bound gives {@link Verdict#UNDECIDED}, never a pass.
 *
 * @param <M> the model type; equal models must be interchangeable (records are)
 */
public final class LinearizabilitySearch<M> {

    /**
     * One observed call on a branch.
     *
     * @param <M> the model type
     */
    public interface Operation<M> {
        /**
         * When the call started.
         *
         * @return {@link System#nanoTime()} before the call
         */
        long startNanos();

        /**
         * When the call returned.
         *
         * @return {@link System#nanoTime()} after the call
         */
        long endNanos();

        /**
         * Checks the observed result against a model state.
         *
         * @param model the model before the call
         * @return the model after the call
         * @throws AssertionError when the model does not accept the observed result here
         */
        M apply(M model);
    }

    /**
     * The check of a complete order's final model (the invariants against the real system).
     *
     * @param <M> the model type
     */
    @FunctionalInterface
    public interface FinalCheck<M> {
        /**
         * Checks the final model.
         *
         * @param model the model after every call
         * @throws AssertionError when it does not hold
         */
        void check(M model);
    }

    /** The outcome of a search. */
    public enum Verdict {
        /** An order was found that the model accepts. */
        LINEARIZABLE,
        /** Every order was tried; the model accepts none. */
        NOT_LINEARIZABLE,
        /** The search stopped at its bound before deciding. */
        UNDECIDED
    }

    /**
     * One call placed in an order.
     *
     * @param branch the branch index, from 0
     * @param position the call's index in its branch, from 0
     * @param modelAfter the model after it
     */
    public record Placement(int branch, int position, Object modelAfter) {
    }

    /**
     * A candidate call that could not come next at the deepest point of the search, and why.
     *
     * @param branch the branch index, from 0, or -1 for the final check
     * @param position the call's index in its branch, from 0
     * @param reason why it could not come next
     */
    public record Rejection(int branch, int position, String reason) {
    }

    /**
     * What a search found.
     *
     * @param verdict the verdict
     * @param order the order found when linearizable, otherwise the longest order the model accepted
     * @param rejections why no call could follow that longest order (empty when linearizable)
     * @param statesExplored how many (model, positions) states the search visited
     */
    public record Result(Verdict verdict, List<Placement> order, List<Rejection> rejections, int statesExplored) {
    }

    private final List<? extends List<? extends Operation<M>>> branches;
    private final FinalCheck<M> finalCheck;
    private final int maxStates;
    private final Set<Key> visited = new HashSet<>();
    private final List<Placement> path = new ArrayList<>();
    private List<Placement> deepest = List.of();
    private List<Rejection> deepestRejections = List.of();
    private int deepestSize = -1;
    private int states;
    private boolean bounded;

    private LinearizabilitySearch(List<? extends List<? extends Operation<M>>> branches, FinalCheck<M> finalCheck,
            int maxStates) {
        this.branches = branches;
        this.finalCheck = finalCheck;
        this.maxStates = maxStates;
    }

    /**
     * Searches for an order of the branches' calls that the model accepts.
     *
     * @param <M> the model type
     * @param initial the model before the branches
     * @param branches the observed calls of each branch, in program order
     * @param finalCheck the check of the model after all calls
     * @param maxStates the bound on visited states
     * @return the result
     */
    public static <M> Result search(M initial, List<? extends List<? extends Operation<M>>> branches,
            FinalCheck<M> finalCheck, int maxStates) {
        LinearizabilitySearch<M> search = new LinearizabilitySearch<>(branches, finalCheck, maxStates);
        boolean found = search.visit(initial, new int[branches.size()]);
        if (found) {
            return new Result(Verdict.LINEARIZABLE, List.copyOf(search.deepest), List.of(), search.states);
        }
        return new Result(search.bounded ? Verdict.UNDECIDED : Verdict.NOT_LINEARIZABLE, List.copyOf(search.deepest),
                List.copyOf(search.deepestRejections), search.states);
    }

    private boolean visit(M model, int[] positions) {
        if (states >= maxStates) {
            bounded = true;
            return false;
        }
        if (!visited.add(new Key(model, positions.clone()))) {
            return false;
        }
        states++;
        List<Rejection> rejections = null;
        if (path.size() > deepestSize) {
            deepestSize = path.size();
            deepest = new ArrayList<>(path);
            rejections = new ArrayList<>();
            deepestRejections = rejections;
        }
        boolean complete = true;
        for (int branch = 0; branch < branches.size(); branch++) {
            int position = positions[branch];
            List<? extends Operation<M>> calls = branches.get(branch);
            if (position >= calls.size()) {
                continue;
            }
            complete = false;
            Operation<M> call = calls.get(position);
            int earlier = returnedBeforeStart(call, positions, branch);
            if (earlier >= 0) {
                if (rejections != null) {
                    rejections.add(new Rejection(branch, position, "must come after branch " + (earlier + 1) + "'s call "
                            + (positions[earlier] + 1) + ", which returned before it started"));
                }
                continue;
            }
            M next;
            try {
                next = call.apply(model);
            } catch (AssertionError | RuntimeException e) {
                if (rejections != null) {
                    rejections.add(new Rejection(branch, position, Rendering.thrown(e)));
                }
                continue;
            }
            positions[branch]++;
            path.add(new Placement(branch, position, next));
            boolean found = visit(next, positions);
            if (found) {
                return true;
            }
            path.remove(path.size() - 1);
            positions[branch]--;
            if (bounded) {
                return false;
            }
        }
        if (complete) {
            try {
                finalCheck.check(model);
                deepest = new ArrayList<>(path);
                return true;
            } catch (AssertionError | RuntimeException e) {
                if (rejections != null) {
                    rejections.add(new Rejection(-1, -1, Rendering.thrown(e)));
                }
            }
        }
        return false;
    }

    private int returnedBeforeStart(Operation<M> call, int[] positions, int branch) {
        for (int other = 0; other < branches.size(); other++) {
            List<? extends Operation<M>> calls = branches.get(other);
            if (other != branch && positions[other] < calls.size()
                    && calls.get(positions[other]).endNanos() < call.startNanos()) {
                return other;
            }
        }
        return -1;
    }

    private static final class Key {
        private final Object model;
        private final int[] positions;
        private final int hash;

        Key(Object model, int[] positions) {
            this.model = model;
            this.positions = positions;
            this.hash = 31 * java.util.Objects.hashCode(model) + Arrays.hashCode(positions);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && hash == key.hash && Arrays.equals(positions, key.positions)
                    && java.util.Objects.equals(model, key.model);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
