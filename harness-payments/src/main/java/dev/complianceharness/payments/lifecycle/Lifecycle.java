package dev.complianceharness.payments.lifecycle;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The states a payment can be in, the commands that move it, which moves are allowed and where it
 * ends. A lifecycle is checked when it is built: unknown names, states no command reaches, dead ends
 * that are not terminal and transitions out of terminal states are rejected, all listed in one message.
 *
 * <pre>{@code
 * Lifecycle lifecycle = Lifecycle.builder("card-payment")
 *         .initial("new")
 *         .states("authorized", "captured")
 *         .terminal("captured", "canceled")
 *         .allow("authorize").from("new").to("authorized")
 *         .allow("capture").from("authorized").to("captured")
 *         .allow("cancel").from("new", "authorized").to("canceled")
 *         .allow("refund").from("captured").to("captured")
 *         .build();
 * lifecycle.allows("authorized", "capture", "captured");   // true
 * }</pre>
 *
 * <p>A transition can depend on the amounts ({@link AmountCondition}): a capture of all that is left of the
 * authorization completes the payment, a partial one does not:
 *
 * <pre>{@code
 *         .allow("capture").from("authorized", "partially_captured").when(AmountCondition.CAPTURES_PART).to("partially_captured")
 *         .allow("capture").from("authorized", "partially_captured").when(AmountCondition.CAPTURES_REST).to("captured")
 * }</pre>
 *
 * A command from one state either has conditions on all its transitions or on none, so that which transition
 * applies never depends on declaration order.
 *
 * <p>A command may lead from one state to several (a provider decides: {@code confirm} can end in
 * {@code requires_action} or {@code requires_capture}); the generated payment tests then expect the target
 * declared first, so declare the usual outcome first. A terminal state may only keep itself: a
 * command that leaves it the state it is in (a refund on a succeeded PaymentIntent) is allowed, a
 * command that moves it elsewhere is not. Instances are immutable and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class Lifecycle {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final String name;
    private final String initialState;
    private final Set<String> states;
    private final Set<String> terminalStates;
    private final Set<String> commands;
    private final List<Transition> transitions;
    private final Map<String, Map<String, List<Transition>>> outgoing;

    private Lifecycle(Builder builder) {
        this.name = builder.name;
        this.initialState = builder.initialState;
        this.states = Collections.unmodifiableSet(new LinkedHashSet<>(builder.states));
        this.terminalStates = Collections.unmodifiableSet(new LinkedHashSet<>(builder.terminalStates));
        this.commands = Collections.unmodifiableSet(new LinkedHashSet<>(builder.commands));
        this.transitions = List.copyOf(builder.transitions);
        Map<String, Map<String, List<Transition>>> byState = new LinkedHashMap<>();
        for (Transition transition : transitions) {
            byState.computeIfAbsent(transition.from(), state -> new LinkedHashMap<>())
                    .computeIfAbsent(transition.command(), command -> new ArrayList<>())
                    .add(transition);
        }
        this.outgoing = byState;
    }

    /**
     * Starts a lifecycle declaration.
     *
     * @param name a name for messages, for example {@code "stripe-payment-intent"}
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the name given to the builder */
    public String name() {
        return name;
    }

    /** @return the state of a payment before its first command */
    public String initialState() {
        return initialState;
    }

    /** @return every state, the initial one first, in declaration order */
    public Set<String> states() {
        return states;
    }

    /** @return the states a payment never leaves */
    public Set<String> terminalStates() {
        return terminalStates;
    }

    /** @return every command, in declaration order */
    public Set<String> commands() {
        return commands;
    }

    /** @return every allowed transition, in declaration order */
    public List<Transition> transitions() {
        return transitions;
    }

    /**
     * @param state a state of this lifecycle
     * @return true if a payment in it never moves to another state
     * @throws IllegalArgumentException if the state is not part of this lifecycle
     */
    public boolean isTerminal(String state) {
        requireState(state);
        return terminalStates.contains(state);
    }

    /**
     * The states a command may lead to from a state.
     *
     * @param from    a state of this lifecycle
     * @param command a command of this lifecycle
     * @return the possible targets; empty if the command is not allowed in that state
     * @throws IllegalArgumentException if the state or command is not part of this lifecycle
     */
    public Set<String> targets(String from, String command) {
        Set<String> found = new LinkedHashSet<>();
        for (Transition transition : outgoing(from, command)) {
            found.add(transition.to());
        }
        return Collections.unmodifiableSet(found);
    }

    /**
     * The states a command may lead to from a state, for a request with these amounts.
     *
     * @param from    a state of this lifecycle
     * @param command a command of this lifecycle
     * @param amounts the request's amount and the payment's totals before it
     * @return the targets of the transitions whose condition holds, in declaration order; empty if none applies
     * @throws IllegalArgumentException if the state or command is not part of this lifecycle
     */
    public Set<String> targets(String from, String command, Amounts amounts) {
        Objects.requireNonNull(amounts, "amounts");
        Set<String> found = new LinkedHashSet<>();
        for (Transition transition : outgoing(from, command)) {
            if (transition.condition().holds(amounts)) {
                found.add(transition.to());
            }
        }
        return Collections.unmodifiableSet(found);
    }

    /**
     * The state a correct service moves a payment to: the first declared target whose condition holds.
     *
     * @param from    a state of this lifecycle
     * @param command a command of this lifecycle
     * @param amounts the request's amount and the payment's totals before it
     * @return the expected target; empty if the command is not allowed there with these amounts
     * @throws IllegalArgumentException if the state or command is not part of this lifecycle
     */
    public Optional<String> expectedTarget(String from, String command, Amounts amounts) {
        requireState(from);
        requireCommand(command);
        return Optional.ofNullable(firstTarget(from, command, amounts));
    }

    /**
     * The first declared target whose condition holds, without checking the names: for callers that ask often
     * and have checked them (the generated tests' model).
     *
     * @param from    a state
     * @param command a command
     * @param amounts the request's amount and the payment's totals before it
     * @return the target, or null if the command is not allowed there with these amounts (or a name is unknown)
     */
    public String firstTarget(String from, String command, Amounts amounts) {
        Map<String, List<Transition>> byCommand = outgoing.get(from);
        List<Transition> found = byCommand == null ? null : byCommand.get(command);
        if (found != null) {
            for (Transition transition : found) {
                if (transition.condition().holds(amounts)) {
                    return transition.to();
                }
            }
        }
        return null;
    }

    /**
     * Whether a command has any transition out of a state, without checking the names.
     *
     * @param from    a state
     * @param command a command
     * @return true if the command is allowed there for some amounts; false also for unknown names
     */
    public boolean hasTransition(String from, String command) {
        Map<String, List<Transition>> byCommand = outgoing.get(from);
        return byCommand != null && byCommand.containsKey(command);
    }

    /**
     * @param from    a state of this lifecycle
     * @param command a command of this lifecycle
     * @param amounts the request's amount and the payment's totals before it
     * @return true if the command may be applied in that state with these amounts
     * @throws IllegalArgumentException if the state or command is not part of this lifecycle
     */
    public boolean allows(String from, String command, Amounts amounts) {
        return !targets(from, command, amounts).isEmpty();
    }

    /**
     * @param from    a state of this lifecycle
     * @param command a command of this lifecycle
     * @param to      a state of this lifecycle
     * @param amounts the request's amount and the payment's totals before it
     * @return true if the command may move a payment from {@code from} to {@code to} with these amounts
     * @throws IllegalArgumentException if a state or the command is not part of this lifecycle
     */
    public boolean allows(String from, String command, String to, Amounts amounts) {
        requireState(to);
        Objects.requireNonNull(amounts, "amounts");
        for (Transition transition : outgoing(from, command)) {
            if (transition.to().equals(to) && transition.condition().holds(amounts)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The transitions of a command out of a state, in declaration order.
     *
     * @param from    a state of this lifecycle
     * @param command a command of this lifecycle
     * @return the transitions; empty if the command is not allowed in that state
     * @throws IllegalArgumentException if the state or command is not part of this lifecycle
     */
    public List<Transition> outgoing(String from, String command) {
        requireState(from);
        requireCommand(command);
        List<Transition> found = outgoing.getOrDefault(from, Map.of()).get(command);
        return found == null ? List.of() : Collections.unmodifiableList(found);
    }

    /**
     * A variant of this lifecycle without some transitions, checked as any lifecycle is.
     *
     * <pre>{@code
     * Lifecycle noRefundBeforeFinalCapture = ReferenceLifecycles.MANUAL_CAPTURE.without(
     *         "no refund while partially captured", t -> t.command().equals("refund") && t.from().equals("partially_captured"));
     * }</pre>
     *
     * @param variant what the variant leaves out, appended to the name in parentheses
     * @param removed which transitions to leave out
     * @return the variant
     * @throws InvalidLifecycleException if what is left is not a valid lifecycle (a state no longer reached, say)
     */
    public Lifecycle without(String variant, Predicate<Transition> removed) {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(removed, "removed");
        Builder builder = builder(name + " (" + variant + ")").initial(initialState);
        for (String state : states) {
            if (terminalStates.contains(state)) {
                builder.terminal(state);
            } else {
                builder.states(state);
            }
        }
        builder.commands.addAll(commands);
        for (Transition transition : transitions) {
            if (!removed.test(transition)) {
                builder.transitions.add(transition);
            }
        }
        return builder.build();
    }

    /**
     * @param from    a state of this lifecycle
     * @param command a command of this lifecycle
     * @return true if the command may be applied in that state
     * @throws IllegalArgumentException if the state or command is not part of this lifecycle
     */
    public boolean allows(String from, String command) {
        return !targets(from, command).isEmpty();
    }

    /**
     * @param from    a state of this lifecycle
     * @param command a command of this lifecycle
     * @param to      a state of this lifecycle
     * @return true if the command may move a payment from {@code from} to {@code to}
     * @throws IllegalArgumentException if a state or the command is not part of this lifecycle
     */
    public boolean allows(String from, String command, String to) {
        requireState(to);
        for (Transition transition : outgoing(from, command)) {
            if (transition.to().equals(to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param state a name
     * @return true if it is a state of this lifecycle
     */
    public boolean hasState(String state) {
        return states.contains(state);
    }

    /**
     * @param command a name
     * @return true if it is a command of this lifecycle
     */
    public boolean hasCommand(String command) {
        return commands.contains(command);
    }

    private void requireState(String state) {
        if (!states.contains(state)) {
            throw new IllegalArgumentException("Lifecycle '" + name + "' has no state '" + state
                    + "'; its states are " + states);
        }
    }

    private void requireCommand(String command) {
        if (!commands.contains(command)) {
            throw new IllegalArgumentException("Lifecycle '" + name + "' has no command '" + command
                    + "'; its commands are " + commands);
        }
    }

    @Override
    public String toString() {
        return "Lifecycle[" + name + ": " + states.size() + " states, " + transitions.size() + " transitions]";
    }

    /** Declares a {@link Lifecycle}; {@link #build()} checks the whole declaration. */
    public static final class Builder {
        private final String name;
        private String initialState;
        private final Set<String> states = new LinkedHashSet<>();
        private final Set<String> terminalStates = new LinkedHashSet<>();
        private final Set<String> commands = new LinkedHashSet<>();
        private final List<Transition> transitions = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "lifecycle name");
        }

        /**
         * Declares the state a payment is in before its first command; it is also declared as a state.
         *
         * @param state the initial state
         * @return this builder
         */
        public Builder initial(String state) {
            if (initialState != null && !initialState.equals(state)) {
                problems.add("two initial states, '" + initialState + "' and '" + state + "': declare exactly one");
            }
            initialState = declareName(state, "state");
            states.add(state);
            return this;
        }

        /**
         * Declares states.
         *
         * @param names the states
         * @return this builder
         */
        public Builder states(String... names) {
            for (String state : names) {
                states.add(declareName(state, "state"));
            }
            return this;
        }

        /**
         * Declares states that a payment never leaves; they are also declared as states.
         *
         * @param names the terminal states
         * @return this builder
         */
        public Builder terminal(String... names) {
            for (String state : names) {
                states.add(declareName(state, "state"));
                terminalStates.add(state);
            }
            return this;
        }

        /**
         * Starts declaring where a command is allowed; commands are declared by their first use.
         *
         * @param command the command, for example {@code "capture"}
         * @return the rest of the declaration: {@code .from(...).to(...)}
         */
        public From allow(String command) {
            commands.add(declareName(command, "command"));
            return new From(command);
        }

        /**
         * Checks the declaration and builds the lifecycle.
         *
         * @return the lifecycle
         * @throws InvalidLifecycleException listing every problem: unknown names, a missing initial
         *                                   state, unreachable states, non-terminal dead ends,
         *                                   transitions out of terminal states
         */
        public Lifecycle build() {
            List<String> found = new ArrayList<>(problems);
            checkConditionsNotMixed(found);
            if (initialState == null) {
                found.add("no initial state: add .initial(\"...\") naming the state of a payment before its first command");
            }
            for (Transition transition : transitions) {
                checkKnown(transition.from(), transition, found);
                checkKnown(transition.to(), transition, found);
                if (terminalStates.contains(transition.from()) && !transition.keepsState()) {
                    found.add("transition " + transition + " leaves the terminal state '" + transition.from()
                            + "': remove it, or do not declare '" + transition.from() + "' terminal");
                }
            }
            if (initialState != null && found.isEmpty()) {
                Set<String> reachable = reachableFrom(initialState);
                for (String state : states) {
                    if (!reachable.contains(state)) {
                        found.add("state '" + state + "' cannot be reached from the initial state '" + initialState
                                + "': add a transition into it or remove it");
                    }
                }
                for (String state : states) {
                    boolean leaves = transitions.stream().anyMatch(t -> t.from().equals(state) && !t.keepsState());
                    if (!terminalStates.contains(state) && !leaves) {
                        found.add("state '" + state + "' has no transition out but is not terminal: declare it with"
                                + " .terminal(\"" + state + "\") or add a transition out of it");
                    }
                }
            }
            if (!found.isEmpty()) {
                throw new InvalidLifecycleException(name, found);
            }
            return new Lifecycle(this);
        }

        private void checkConditionsNotMixed(List<String> found) {
            Map<String, Set<Boolean>> kinds = new LinkedHashMap<>();
            for (Transition transition : transitions) {
                kinds.computeIfAbsent(transition.from() + "\u0000" + transition.command(), key -> new LinkedHashSet<>())
                        .add(transition.isConditional());
            }
            kinds.forEach((key, conditional) -> {
                if (conditional.size() > 1) {
                    String[] parts = key.split("\u0000");
                    found.add("command '" + parts[1] + "' from '" + parts[0] + "' has transitions with and without an"
                            + " amount condition: give each of them a condition with .when(...), so that which one"
                            + " applies does not depend on declaration order");
                }
            });
        }

        private void checkKnown(String state, Transition transition, List<String> found) {
            if (!states.contains(state)) {
                found.add("transition " + transition + " names the unknown state '" + state
                        + "': declare it with .states(...) or fix the name; known states are " + states);
            }
        }

        private Set<String> reachableFrom(String start) {
            Set<String> reached = new LinkedHashSet<>();
            Deque<String> pending = new ArrayDeque<>();
            pending.add(start);
            while (!pending.isEmpty()) {
                String state = pending.poll();
                if (reached.add(state)) {
                    for (Transition transition : transitions) {
                        if (transition.from().equals(state)) {
                            pending.add(transition.to());
                        }
                    }
                }
            }
            return reached;
        }

        private String declareName(String value, String kind) {
            Objects.requireNonNull(value, kind + " name");
            if (!NAME.matcher(value).matches()) {
                problems.add(kind + " name '" + value + "' must start with a letter and contain only letters, digits"
                        + " and underscores");
            }
            return value;
        }

        /** The states a command is allowed in; finish with {@link #from(String...)}. */
        public final class From {
            private final String command;

            private From(String command) {
                this.command = command;
            }

            /**
             * @param fromStates the states the command is allowed in
             * @return the rest of the declaration: {@code .to(...)}
             */
            public To from(String... fromStates) {
                if (fromStates.length == 0) {
                    problems.add("command '" + command + "' is allowed from no state: name at least one in .from(...)");
                }
                return new To(command, List.of(fromStates));
            }
        }

        /** The states a command leads to; {@link #to(String...)} returns the lifecycle builder. */
        public final class To {
            private final String command;
            private final List<String> fromStates;
            private final AmountCondition condition;

            private To(String command, List<String> fromStates) {
                this(command, fromStates, AmountCondition.ANY);
            }

            private To(String command, List<String> fromStates, AmountCondition condition) {
                this.command = command;
                this.fromStates = fromStates;
                this.condition = condition;
            }

            /**
             * Lets the transitions apply only when a condition on the amounts holds.
             *
             * @param amountCondition for example {@link AmountCondition#CAPTURES_REST}
             * @return the rest of the declaration: {@code .to(...)}
             */
            public To when(AmountCondition amountCondition) {
                return new To(command, fromStates, Objects.requireNonNull(amountCondition, "amountCondition"));
            }

            /**
             * @param toStates the states the command may lead to (several when the provider decides)
             * @return the lifecycle builder
             */
            public Builder to(String... toStates) {
                if (toStates.length == 0) {
                    problems.add("command '" + command + "' leads to no state: name at least one in .to(...)");
                }
                for (String from : fromStates) {
                    for (String to : toStates) {
                        transitions.add(new Transition(from, command, to, condition));
                    }
                }
                return Builder.this;
            }
        }
    }
}
