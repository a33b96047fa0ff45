package dev.copilotsuite.copilot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import dev.copilotsuite.copilot.repository.PolicyDocumentRepository;
import dev.copilotsuite.copilot.service.Clause;
import dev.copilotsuite.copilot.service.ContractScope;
import dev.copilotsuite.copilot.service.EmbeddingClauseRetriever;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TestKeys;
import dev.copilotsuite.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/** POST /api/policies: Markdown or PDF in, the corpus, the store and the stored copy updated together; bad files refused whole. */
@QuarkusTest
@WithTestResource(CopilotTestResource.class)
class PolicyIngestionApiTest {

    private static final ContractScope NEVADA = new ContractScope("PLUS", "HOMEOWNER", "NV", null);

    @Inject
    EmbeddingClauseRetriever retriever;

    @Inject
    PolicyDocumentRepository documents;

    static String admin() {
        return Jwt.issuer(TestTokens.ISSUER).subject("ops").upn("ops").groups(Set.of("policy-admin"))
                .expiresIn(Duration.ofMinutes(30)).jws().sign(TestKeys.get().privateKey().toString());
    }

    static String nevada(String docId, String cap) {
        return String.join("\n", "---", "docId: " + docId, "title: Nevada addendum", "plans: [ALL]", "contractTypes: [ALL]",
                "states: [NV]", "---", "# Nevada addendum", "## Covered", "### Evaporative cooler",
                "Evaporative (swamp) coolers are covered up to " + cap + " per contract term.", "## Limits", "### Well pump",
                "Well pumps are covered up to $800 per contract term.", "");
    }

    @Test
    void markdownIsIngestedAndAnsweredFromAndAgainReplacesItsChunks() {
        given().auth().oauth2(admin()).contentType("text/markdown").queryParam("fileName", "state-nv.md")
                .body(nevada("state-nv-md", "$900")).post("/api/policies")
                .then().statusCode(201).body("docId", is("state-nv-md")).body("clauses", is(2)).body("format", is("MARKDOWN"))
                .body("replaced", is(false));
        assertTrue(text(retriever.headed("Evaporative cooler", NEVADA), "state-nv-md").contains("$900"));

        given().auth().oauth2(admin()).contentType("text/markdown")
                .body(nevada("state-nv-md", "$1,100").replace("## Limits\n### Well pump\nWell pumps are covered up to $800 per contract term.\n", ""))
                .post("/api/policies").then().statusCode(200).body("clauses", is(1)).body("replaced", is(true));
        assertTrue(text(retriever.headed("Evaporative cooler", NEVADA), "state-nv-md").contains("$1,100"));
        assertTrue(retriever.headed("Well pump", NEVADA).stream().noneMatch(clause -> clause.docId().equals("state-nv-md")));
        assertEquals(1, documents.findById("state-nv-md").clauses);

        given().auth().oauth2(admin()).get("/api/policies").then().statusCode(200)
                .body("docId", hasItem("state-nv-md")).body("docId", hasItem("general-terms"));
    }

    @Test
    void aPdfInTheCorpusFormatIsReadWithPdfBox() throws IOException {
        given().auth().oauth2(admin()).contentType("application/pdf").queryParam("fileName", "state-nv.pdf")
                .body(pdf(nevada("state-nv-pdf", "$950"))).post("/api/policies")
                .then().statusCode(201).body("docId", is("state-nv-pdf")).body("format", is("PDF")).body("clauses", is(2));
        assertTrue(text(retriever.headed("Well pump", NEVADA), "state-nv-pdf").contains("$800"));
    }

    @Test
    void badFilesAreRefusedWithAClearErrorAndChangeNothing() throws IOException {
        int before = retriever.section(dev.copilotsuite.copilot.service.SectionKind.COVERED, ContractScope.ANY).size();
        given().auth().oauth2(admin()).contentType("text/markdown").queryParam("fileName", "notes.md")
                .body("# Just a heading\nno front matter").post("/api/policies")
                .then().statusCode(400).body("code", is("INVALID_POLICY_DOCUMENT"))
                .body("message", containsString("notes.md")).body("message", containsString("front matter"));
        given().auth().oauth2(admin()).contentType("text/markdown")
                .body(nevada("state-nv-bad", "$900").replace("## Covered", "## Sometimes covered")).post("/api/policies")
                .then().statusCode(400).body("message", containsString("unknown section kind"));
        given().auth().oauth2(admin()).contentType("application/pdf").queryParam("fileName", "broken.pdf")
                .body("%PDF-1.7 this is not a PDF at all".getBytes(StandardCharsets.US_ASCII)).post("/api/policies")
                .then().statusCode(400).body("message", containsString("broken.pdf: is not a readable PDF"));
        given().auth().oauth2(admin()).contentType("application/pdf").body(pdf("")).post("/api/policies")
                .then().statusCode(400).body("message", containsString("without text"));
        given().auth().oauth2(admin()).contentType("application/octet-stream").body(new byte[] { (byte) 0xff, (byte) 0xfe, 0x00 })
                .post("/api/policies").then().statusCode(400).body("message", containsString("neither a PDF nor UTF-8"));
        given().auth().oauth2(admin()).contentType("text/markdown").body("").post("/api/policies")
                .then().statusCode(400).body("message", containsString("is empty"));
        given().auth().oauth2(admin()).contentType("text/markdown").body("x".repeat(2 * 1024 * 1024)).post("/api/policies")
                .then().statusCode(413);
        assertEquals(before, retriever.section(dev.copilotsuite.copilot.service.SectionKind.COVERED, ContractScope.ANY).size());
        assertEquals(null, documents.findById("state-nv-bad"));
    }

    @Test
    void onlyAPolicyAdminOrAServiceMayIngest() {
        given().contentType("text/markdown").body(nevada("state-nv-anon", "$1")).post("/api/policies").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("agent-1", "demo")).contentType("text/markdown").body(nevada("state-nv-user", "$1"))
                .post("/api/policies").then().statusCode(403);
        given().auth().oauth2(TestTokens.service("chat-gateway")).contentType("text/markdown")
                .body(nevada("state-nv-svc", "$1")).post("/api/policies").then().statusCode(201);
    }

    private static String text(List<Clause> clauses, String docId) {
        return clauses.stream().filter(clause -> clause.docId().equals(docId)).map(Clause::text).findFirst().orElse("");
    }

    /** A PDF with one line of text per line of {@code text}, as a plan document exported to PDF reads. */
    static byte[] pdf(String text) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            if (!text.isEmpty()) {
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                    content.setLeading(14);
                    content.newLineAtOffset(50, 740);
                    for (String line : text.split("\n")) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
