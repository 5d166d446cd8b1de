/** The audit of an existing code base: which classes touch personal data, money or regulated messaging, and who owns them. */
package dev.complianceharness.audit;
