package dev.complianceharness.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The shop: SMS campaigns, a support desk and payments, as one Spring Boot application. Production points
 * {@code spring.datasource.url} at its PostgreSQL; the tests give it an embedded one.
 */
@SpringBootApplication
public class ShopApplication {

    /**
     * Starts the shop.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
