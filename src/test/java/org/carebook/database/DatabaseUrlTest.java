package org.carebook.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void aJdbcUrlIsUsedAsItIs() {
        var url = DatabaseUrl.parse("jdbc:postgresql://db:5432/carebook?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/carebook?sslmode=require");
        assertThat(url.user()).isNull();
    }

    @Test
    void aPlatformStyleUrlBecomesJdbcWithCredentials() {
        var url = DatabaseUrl.parse("postgres://care%40book:p%3Ass@db.internal/clinic?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/clinic?sslmode=require");
        assertThat(url.user()).isEqualTo("care@book");
        assertThat(url.password()).isEqualTo("p:ss");
        assertThat(url.printable()).doesNotContain("p:ss");
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://db/x")).hasMessageContaining("DATABASE_URL");
    }
}
