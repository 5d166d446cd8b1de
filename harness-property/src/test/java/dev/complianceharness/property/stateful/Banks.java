package dev.complianceharness.property.stateful;

import static org.assertj.core.api.Assertions.assertThat;

import dev.complianceharness.property.Gens;

/** Small bank accounts to prove stateful testing on: a correct one, a buggy one and a racy one. */
final class Banks {

    private Banks() {
    }

    /** The model: what the balance should be. */
    record Balance(long amount) {
        Balance plus(long value) {
            return new Balance(amount + value);
        }

        Balance minus(long value) {
            return new Balance(amount - value);
        }
    }

    /** The system under test. */
    interface Account {
        void deposit(long amount);

        boolean withdraw(long amount);

        long balance();
    }

    /** Correct and thread-safe. */
    static class SynchronizedAccount implements Account {
        private long balance;

        @Override
        public synchronized void deposit(long amount) {
            balance += amount;
        }

        @Override
        public synchronized boolean withdraw(long amount) {
            if (amount > balance) {
                return false;
            }
            Thread.yield();
            balance -= amount;
            return true;
        }

        @Override
        public synchronized long balance() {
            return balance;
        }
    }

    /** Correct one thread at a time, but withdraw checks then acts without holding a lock. */
    static final class RacyAccount implements Account {
        private volatile long balance;

        @Override
        public synchronized void deposit(long amount) {
            balance += amount;
        }

        @Override
        public boolean withdraw(long amount) {
            if (amount > balance) {
                return false;
            }
            pauseForIo(); // where real code would do I/O between the check and the act
            synchronized (this) {
                balance -= amount;
            }
            return true;
        }

        @Override
        public long balance() {
            return balance;
        }

        /** A millisecond, as a database round trip takes: a bare yield hid the race on a loaded machine. */
        private static void pauseForIo() {
            try {
                Thread.sleep(1);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Refuses to withdraw the whole balance (an off-by-one): a bug only a sequence of calls shows. */
    static final class OffByOneAccount implements Account {
        private long balance;

        @Override
        public void deposit(long amount) {
            balance += amount;
        }

        @Override
        public boolean withdraw(long amount) {
            if (amount >= balance) {
                return false;
            }
            balance -= amount;
            return true;
        }

        @Override
        public long balance() {
            return balance;
        }
    }

    /**
     * Serves balance() from a per-thread cache that only the calls of the same thread fill, so a worker
     * thread that has not changed the account reads the -1 "not loaded" marker: a bug no sequential run
     * shows, in any interleaving of the concurrent branches.
     */
    static final class ThreadCachedAccount implements Account {
        private final ThreadLocal<Long> cache = ThreadLocal.withInitial(() -> -1L);
        private long balance;

        ThreadCachedAccount() {
            cache.set(0L);
        }

        @Override
        public synchronized void deposit(long amount) {
            balance += amount;
            cache.set(balance);
        }

        @Override
        public synchronized boolean withdraw(long amount) {
            if (amount > balance) {
                return false;
            }
            balance -= amount;
            cache.set(balance);
            return true;
        }

        @Override
        public synchronized long balance() {
            return cache.get();
        }
    }

    static final Command<Balance, Account, Long, Void> DEPOSIT = Command.<Balance, Account>named("deposit")
            .arguments(balance -> Gens.longs(1, 100))
            .runWithoutResult(Account::deposit)
            .nextModel((balance, amount, none) -> balance.plus(amount));

    static final Command<Balance, Account, Long, Boolean> WITHDRAW = Command.<Balance, Account>named("withdraw")
            .precondition(balance -> balance.amount() > 0)
            .arguments(balance -> Gens.longs(1, balance.amount()))
            .run(Account::withdraw)
            .expectResult((balance, amount) -> amount <= balance.amount())
            .nextModel((balance, amount, withdrawn) -> withdrawn ? balance.minus(amount) : balance);

    static final Command<Balance, Account, Void, Long> BALANCE = Command.<Balance, Account>named("balance")
            .run(Account::balance)
            .expectResult((balance, none) -> balance.amount());

    /** The property every account must satisfy. */
    static StatefulProperty<Balance, Account> property(java.util.function.Supplier<Account> accounts) {
        return StatefulProperty.of(() -> new Balance(0), accounts)
                .commands(DEPOSIT, WITHDRAW, BALANCE)
                .invariant("the balance is never negative",
                        (balance, account) -> assertThat(account.balance()).isNotNegative());
    }
}
