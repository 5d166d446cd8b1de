/** Class-file facts and name heuristics behind the governance rules; not part of the public API. */
package dev.complianceharness.governance.internal;
