package org.ramsetu.scoring.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumberCellsTest {

    @Test
    void parsesPlainDecimalsInPlaceAndDefersTheRestToTheJdk() {
        String line = "x,0.87,-12,1042.50,1e-3, 7 ,.5";
        assertThat(NumberCells.parse(line, 2, 6)).isEqualTo(0.87);
        assertThat(NumberCells.parse(line, 7, 10)).isEqualTo(-12);
        assertThat(NumberCells.parse(line, 11, 18)).isEqualTo(1042.5);
        assertThat(NumberCells.parse(line, 19, 23)).isEqualTo(0.001);
        assertThat(NumberCells.parse(line, 24, 27)).isEqualTo(7);
        assertThat(NumberCells.parse(line, 28, 30)).isEqualTo(0.5);
        assertThatThrownBy(() -> NumberCells.parse(line, 0, 1))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> NumberCells.parse("a,,b", 2, 2))
                .isInstanceOf(NumberFormatException.class);
    }
}
