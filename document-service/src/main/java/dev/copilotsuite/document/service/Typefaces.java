package dev.copilotsuite.document.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts shipped in {@code fonts/}: DejaVu Sans (Latin, Greek, Cyrillic, symbols) first and Droid Sans
 * Fallback (CJK) for the characters DejaVu lacks. Text is cut into runs, each set in the first font that has
 * its glyphs; a character neither has prints as '?'. Each document embeds subsets, and the large CJK font
 * only when some text needs it.
 */
public final class Typefaces {

    public enum Style {
        REGULAR, BOLD
    }

    /** A piece of text that one font sets. */
    public record Run(PDFont font, String text) {
    }

    private static final int REPLACEMENT = '?';

    private final byte[] regular;
    private final byte[] bold;
    private final byte[] fallback;
    private final BitSet regularCoverage;
    private final BitSet boldCoverage;
    private final BitSet fallbackCoverage;
    /*
     * Parsed fonts, one set per rendering thread: parsing (the cmaps above all) is most of a render's cost,
     * and a parsed TrueTypeFont reads its tables lazily from one stream, so threads must not share it.
     */
    private final ThreadLocal<TrueTypeFont> regularParsed;
    private final ThreadLocal<TrueTypeFont> boldParsed;
    private final ThreadLocal<TrueTypeFont> fallbackParsed;

    public Typefaces() {
        this.regular = resource("fonts/DejaVuSans.ttf");
        this.bold = resource("fonts/DejaVuSans-Bold.ttf");
        this.fallback = resource("fonts/DroidSansFallback.ttf");
        this.regularCoverage = coverage(regular);
        this.boldCoverage = coverage(bold);
        this.fallbackCoverage = coverage(fallback);
        this.regularParsed = ThreadLocal.withInitial(() -> parse(regular));
        this.boldParsed = ThreadLocal.withInitial(() -> parse(bold));
        this.fallbackParsed = ThreadLocal.withInitial(() -> parse(fallback));
    }

    /** The fonts of one document; not thread-safe, like the document. */
    public Fonts forDocument(PDDocument document) {
        return new Fonts(document);
    }

    public final class Fonts {

        private final PDDocument document;
        private PDFont regularFont;
        private PDFont boldFont;
        private PDFont fallbackFont;

        private Fonts(PDDocument document) {
            this.document = document;
        }

        /** The text as runs of one font each, with '?' for characters no shipped font has. */
        public List<Run> runs(Style style, String text) throws IOException {
            BitSet primary = style == Style.BOLD ? boldCoverage : regularCoverage;
            List<Run> runs = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            boolean runIsPrimary = true;
            for (int i = 0; i < text.length();) {
                int codePoint = text.codePointAt(i);
                i += Character.charCount(codePoint);
                if (Character.isISOControl(codePoint)) {
                    codePoint = ' ';
                }
                boolean isPrimary = primary.get(codePoint) || !fallbackCoverage.get(codePoint);
                if (isPrimary && !primary.get(codePoint)) {
                    codePoint = REPLACEMENT;
                }
                if (isPrimary != runIsPrimary && !run.isEmpty()) {
                    runs.add(new Run(font(style, runIsPrimary), run.toString()));
                    run.setLength(0);
                }
                runIsPrimary = isPrimary;
                run.appendCodePoint(codePoint);
            }
            if (!run.isEmpty()) {
                runs.add(new Run(font(style, runIsPrimary), run.toString()));
            }
            return runs;
        }

        public float width(Style style, float size, String text) throws IOException {
            float width = 0;
            for (Run run : runs(style, text)) {
                width += run.font().getStringWidth(run.text()) / 1000 * size;
            }
            return width;
        }

        private PDFont font(Style style, boolean primary) throws IOException {
            if (!primary) {
                if (fallbackFont == null) {
                    fallbackFont = PDType0Font.load(document, fallbackParsed.get(), true);
                }
                return fallbackFont;
            }
            if (style == Style.BOLD) {
                if (boldFont == null) {
                    boldFont = PDType0Font.load(document, boldParsed.get(), true);
                }
                return boldFont;
            }
            if (regularFont == null) {
                regularFont = PDType0Font.load(document, regularParsed.get(), true);
            }
            return regularFont;
        }
    }

    private static TrueTypeFont parse(byte[] font) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(font));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a shipped font", e);
        }
    }

    /** The code points a font maps to a glyph, read once from its Unicode cmap. */
    private static BitSet coverage(byte[] font) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            BitSet covered = new BitSet(0x10000);
            for (int codePoint = 0x20; codePoint <= 0x2FFFF; codePoint++) {
                if (cmap.getGlyphId(codePoint) > 0) {
                    covered.set(codePoint);
                }
            }
            return covered;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a shipped font", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Typefaces.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
