package org.ramsetu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTextFilterTest {

    @Test
    void aControlCharacterOrABrokenEscapeIsRefusedByParameterName() {
        assertThat(QueryTextFilter.firstRefusedParameter("action=a%00b&limit=5"))
                .contains("action");
        assertThat(QueryTextFilter.firstRefusedParameter("limit=5&q=line%0Abreak")).contains("q");
        assertThat(QueryTextFilter.firstRefusedParameter("a%01b=1")).contains("ab");
        assertThat(QueryTextFilter.firstRefusedParameter("q=%zz")).contains("q");
    }

    @Test
    void visibleTextOfAnyScriptPasses() {
        assertThat(QueryTextFilter.firstRefusedParameter(null)).isEmpty();
        assertThat(QueryTextFilter.firstRefusedParameter("")).isEmpty();
        assertThat(QueryTextFilter.firstRefusedParameter("city=Pune&bloodGroup=O%2B&q=%E0%A4%95"))
                .isEmpty();
        assertThat(QueryTextFilter.firstRefusedParameter("flag&after=")).isEmpty();
    }
}
