package io.relais.web.layout;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The token of element ids: one per IRI, the same for a post's IRI and its URL name, safe as an id and in a selector. */
class ElementIdsTest {

    @Test
    void twoIrisEndingAlikeGetTwoTokensEachUsableInACssIdSelector() {
        List<String> iris = List.of("urn:relais:external:generic.sharepoint:n5", "urn:relais:document:ecm.sharepoint:n5",
                "urn:relais:document:ecm.sharepoint/n5", "urn:relais:document:ecm_sharepoint:n5", "urn:relais:event:crm:é #1",
                "urn:relais:comment:n5", "urn:relais:post:n5");

        List<String> tokens = iris.stream().map(ElementIds::of).toList();

        assertThat(tokens).doesNotHaveDuplicates().allMatch(t -> t.matches("[A-Za-z0-9_-]+"));
        assertThat(ElementIds.of("urn:relais:document:ecm.sharepoint:n5")).isEqualTo("urn_3Arelais_3Adocument_3Aecm_2Esharepoint_3An5");
        assertThat(ElementIds.of("urn:relais:event:crm:é #1")).endsWith("_3A_C3_A9_20_231");
    }

    @Test
    void aPostKeepsItsLocalIdAndIsTheSameWhetherNamedByIriOrAsItsUrlNamesIt() {
        String post = "urn:relais:post:0193a5b2-7c1d-7d4e-9a3b-2f1e0c9b8a99";
        String card = "urn:relais:document:ecm.sharepoint:n5";

        assertThat(ElementIds.of(post)).isEqualTo("0193a5b2-7c1d-7d4e-9a3b-2f1e0c9b8a99")
                .isEqualTo(ElementIds.of("0193a5b2-7c1d-7d4e-9a3b-2f1e0c9b8a99"));
        assertThat(ElementIds.of(URLEncoder.encode(card, StandardCharsets.UTF_8))).isEqualTo(ElementIds.of(card));
        assertThat(ElementIds.of("urn:relais:post:a_b")).as("a post id outside the plain alphabet is written whole")
                .isEqualTo("urn_3Arelais_3Apost_3Aa_5Fb").isEqualTo(ElementIds.of("a_b"));
        assertThat(ElementIds.of(null)).isEmpty();
    }
}
