/** Implementation of the harness's masking; not API, may change in any release. */
package dev.complianceharness.mask.internal;
