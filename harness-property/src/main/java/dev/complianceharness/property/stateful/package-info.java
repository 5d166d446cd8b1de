/**
 * Stateful and concurrent property tests: commands with preconditions and model-dependent generated
 * arguments, run against the real system and checked against a model, with invariants after every step.
 *
 * <pre>{@code
 * record Account(long balance) { }
 *
 * Command<Account, Bank, Long, Void> deposit = Command.<Account, Bank>named("deposit")
 *         .arguments(account -> Gens.longs(1, 100))
 *         .runWithoutResult(Bank::deposit)
 *         .nextModel((account, amount, none) -> new Account(account.balance() + amount));
 * Command<Account, Bank, Long, Boolean> withdraw = Command.<Account, Bank>named("withdraw")
 *         .arguments(account -> Gens.longs(1, 100))
 *         .run(Bank::withdraw)
 *         .expectResult((account, amount) -> amount <= account.balance())
 *         .nextModel((account, amount, done) -> done ? new Account(account.balance() - amount) : account);
 *
 * StatefulProperty<Account, Bank> bank = StatefulProperty.of(() -> new Account(0), Bank::new)
 *         .commands(deposit, withdraw)
 *         .invariant("the balance matches the model", (account, system) ->
 *                 assertThat(system.balance()).isEqualTo(account.balance()));
 * bank.checkSequential();   // sequences of deposits and withdrawals, shrunk on failure
 * bank.checkConcurrent();   // a prefix, then parallel branches checked for linearizability
 * }</pre>
 *
 * <p>A failure shows the seed (from the engine) and the shrunk run step by step: each call with its
 * arguments and result, the model after it, and the check that failed; in the concurrent mode the
 * branches' observations with their timing, the longest order the model accepts and why no call can
 * follow it.
 */
package dev.complianceharness.property.stateful;
