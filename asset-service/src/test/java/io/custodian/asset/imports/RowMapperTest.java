package io.custodian.asset.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The export's formula escaping taken off again, and only that; column and label names. */
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

    @Test
    void shouldMatchNamesInAnyCaseWithRunsOfSpacesAsOne() {
        assertThat(Dialect.normalize(" item  Name ")).isEqualTo("item name");
        assertThat(Dialect.normalize("\uFEFFAsset Tag")).isEqualTo("asset tag");
        assertThat(Dialect.normalize("Model\tName")).isEqualTo("model name");
        assertThat(Dialect.normalize("Conference \t Room  Kits")).isEqualTo("conference room kits");
        assertThat(Dialect.normalize("Laptops")).isEqualTo("laptops");
    }
}
