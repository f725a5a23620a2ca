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

    @Test
    void severalHostsBecomeAFailoverListThatLooksForThePrimary() {
        var url = DatabaseUrl.parse("postgres://carebook:secret@db1,db2:5433/clinic?sslmode=require");
        assertThat(url.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db1:5432,db2:5433/clinic?sslmode=require&targetServerType=primary");
        assertThat(url.user()).isEqualTo("carebook");
        assertThat(url.password()).isEqualTo("secret");
    }

    @Test
    void aServerTypeTheUrlNamesIsKept() {
        var url = DatabaseUrl.parse("postgresql://db1:6000,db2/clinic?targetServerType=preferPrimary");
        assertThat(url.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db1:6000,db2:5432/clinic?targetServerType=preferPrimary");
    }

    @Test
    void replicasOfSeveralHostsAreSpreadOverTheStandbys() {
        var url = DatabaseUrl.parse("postgres://u@r1,r2", "CAREBOOK_READ_DATABASE_URL", DatabaseUrl.STANDBYS);
        assertThat(url.jdbcUrl())
                .isEqualTo(
                        "jdbc:postgresql://r1:5432,r2:5432/postgres?loadBalanceHosts=true&targetServerType=preferSecondary");
    }

    @Test
    void anEmptyHostIsRefused() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:p@db1,/clinic"))
                .hasMessageContaining("no host");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres:///clinic")).hasMessageContaining("no host");
    }
}
