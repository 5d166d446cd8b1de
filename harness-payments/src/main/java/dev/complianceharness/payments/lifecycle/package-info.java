/** Payment lifecycles: states, commands, allowed transitions and terminal states, with reference lifecycles of real providers. */
package dev.complianceharness.payments.lifecycle;
