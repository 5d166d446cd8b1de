/** The example shop as a Spring Boot application: its configuration wires the shop's services as beans. */
package dev.complianceharness.examples.springboot;
