package io.custodian.asset.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The export's formula escaping taken off again, and only that. */
class RowMapperTest {

    @Test
    void shouldTakeOffTheQuoteBeforeEveryFormulaTrigger() {
        for (String cell : new String[] {"=1+1", "+1", "-5 dBm", "@SUM(A1)", "\tx", "\rx", "-"}) {
            assertThat(RowMapper.unescapeFormula("'" + cell)).isEqualTo(cell);
        }
    }

    @Test
    void shouldLeaveOtherQuotesAlone() {
        for (String cell :
                new String[] {"", "'", "'Quoted'", "''=1", "' =1", "=1", "a'=b", "Zoë"}) {
            assertThat(RowMapper.unescapeFormula(cell)).isEqualTo(cell);
        }
    }
}
