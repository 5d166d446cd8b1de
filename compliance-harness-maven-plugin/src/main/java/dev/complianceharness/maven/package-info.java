/** The compliance gate as a Maven build step: the {@code check} goal. */
package dev.complianceharness.maven;
