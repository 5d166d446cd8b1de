/** Output formats shared by every page and file the harness writes: one JSON writer and one HTML escaper. */
package dev.complianceharness.report;
