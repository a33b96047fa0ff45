package dev.copilotsuite.copilot.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.logging.Logger;

import dev.copilotsuite.copilot.repository.PolicyDocument;
import dev.copilotsuite.copilot.repository.PolicyDocumentRepository;

/**
 * Adds a policy document to the corpus, or replaces the one with its docId: Markdown in the corpus
 * format, or a PDF whose text (read with PDFBox) is in that format. The document is checked whole
 * before anything changes; then the corpus, the retrieval store and the stored copy (which a restart
 * loads again) are updated together, and a store failure puts the previous clauses back.
 */
@ApplicationScoped
public class PolicyIngestion {

    public static final String MARKDOWN = "MARKDOWN";
    public static final String PDF = "PDF";
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final Logger LOG = Logger.getLogger(PolicyIngestion.class);

    private final PolicyCorpus corpus;
    private final EmbeddingClauseRetriever retriever;
    private final PolicyDocumentRepository documents;

    public PolicyIngestion(PolicyCorpus corpus, EmbeddingClauseRetriever retriever, PolicyDocumentRepository documents) {
        this.corpus = corpus;
        this.retriever = retriever;
        this.documents = documents;
    }

    /**
     * @param fileName what names the document in a refusal (the uploaded file's name)
     * @throws CorpusFormatException when the bytes are not a readable PDF or UTF-8 text in the corpus format
     */
    public synchronized IngestedPolicy ingest(String fileName, byte[] content) {
        String source = fileName == null || fileName.isBlank() ? "the document" : fileName.strip();
        if (content == null || content.length == 0) {
            throw new CorpusFormatException(source, "is empty");
        }
        boolean pdf = startsWith(content, PDF_MAGIC);
        String text = pdf ? pdfText(source, content) : utf8(source, content);
        List<Clause> clauses = PolicyCorpus.parse(source, text);
        String docId = clauses.get(0).docId();
        List<Clause> previous = corpus.document(docId);

        corpus.ingest(docId, text);
        try {
            retriever.index(docId);
        } catch (RuntimeException e) {
            corpus.restore(docId, previous);
            retriever.index(docId);
            throw e;
        }
        PolicyDocument stored = new PolicyDocument();
        stored.docId = docId;
        stored.markdown = text;
        stored.fileName = source;
        stored.format = pdf ? PDF : MARKDOWN;
        stored.clauses = clauses.size();
        stored.ingestedAt = Instant.now();
        documents.persistOrUpdate(stored);
        LOG.infof("ingested %s from %s: %d clauses%s", docId, source, clauses.size(),
                previous.isEmpty() ? "" : " (replacing " + previous.size() + ")");
        return new IngestedPolicy(docId, clauses.get(0).title(), stored.format, clauses.size(), !previous.isEmpty());
    }

    private static String pdfText(String source, byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.isEncrypted()) {
                throw new CorpusFormatException(source, "is an encrypted PDF");
            }
            String text = new PDFTextStripper().getText(document);
            if (text.isBlank()) {
                throw new CorpusFormatException(source, "is a PDF without text (a scan?): there is nothing to read");
            }
            return text;
        } catch (IOException e) {
            throw new CorpusFormatException(source, "is not a readable PDF: " + e.getMessage());
        }
    }

    private static String utf8(String source, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new CorpusFormatException(source, "is neither a PDF nor UTF-8 text");
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
