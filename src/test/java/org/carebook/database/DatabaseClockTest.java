package org.carebook.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.carebook.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hosts whose clocks are seconds apart still agree on the time, because each process keeps the database's:
 * a hold made on one expires at the same moment for all (see {@code MultiProcessTest} for holds across processes).
 */
class DatabaseClockTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void processesOnHostsWhoseClocksDisagreeKeepTheDatabasesTime() {
        var fast = new DatabaseClock(dataSource, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(5)));
        var slow = new DatabaseClock(dataSource, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-5)));

        Instant database = jdbc.sql("SELECT clock_timestamp()")
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .single();
        Instant onFast = fast.instant();
        Instant onSlow = slow.instant();

        assertThat(Duration.between(onSlow, onFast).abs()).isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.between(database, onFast).abs()).isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.between(database, onSlow).abs()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void theApplicationRunsOnTheDatabasesClock() {
        assertThat(applicationClock).isInstanceOf(DatabaseClock.class);
    }

    @Autowired
    Clock applicationClock;
}
