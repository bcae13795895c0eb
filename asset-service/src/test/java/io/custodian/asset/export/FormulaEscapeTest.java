package io.custodian.asset.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CSV cells a spreadsheet would evaluate, and only those, get a leading quote. */
class FormulaEscapeTest {

    @Test
    void shouldPrefixEveryFormulaTrigger() {
        for (String cell : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(RowWriter.Csv.escapeFormula(cell)).isEqualTo("'" + cell);
        }
    }

    @Test
    void shouldLeaveOtherCellsAlone() {
        for (String cell : new String[] {"", "a=b", "MacBook", " =1", "'=1", "2025-03-01", "Zoë"}) {
            assertThat(RowWriter.Csv.escapeFormula(cell)).isEqualTo(cell);
        }
    }
}
