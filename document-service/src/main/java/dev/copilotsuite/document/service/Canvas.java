package dev.copilotsuite.document.service;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import dev.copilotsuite.document.service.Typefaces.Run;
import dev.copilotsuite.document.service.Typefaces.Style;

/** Vector drawing on one page: text in the shipped fonts (run by run), rectangles and lines. */
final class Canvas {

    private final PDPageContentStream content;
    private final Typefaces.Fonts fonts;

    Canvas(PDPageContentStream content, Typefaces.Fonts fonts) {
        this.content = content;
        this.fonts = fonts;
    }

    void text(Style style, float size, Color color, float x, float baseline, String text) throws IOException {
        content.beginText();
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, baseline);
        for (Run run : fonts.runs(style, text)) {
            content.setFont(run.font(), size);
            content.showText(run.text());
        }
        content.endText();
    }

    void textRight(Style style, float size, Color color, float right, float baseline, String text) throws IOException {
        text(style, size, color, right - width(style, size, text), baseline, text);
    }

    void textCentred(Style style, float size, Color color, float centre, float baseline, String text)
            throws IOException {
        text(style, size, color, centre - width(style, size, text) / 2, baseline, text);
    }

    float width(Style style, float size, String text) throws IOException {
        return fonts.width(style, size, text);
    }

    void fill(Color color, float x, float y, float width, float height) throws IOException {
        content.setNonStrokingColor(color);
        content.addRect(x, y, width, height);
        content.fill();
    }

    void line(Color color, float thickness, float x1, float y1, float x2, float y2) throws IOException {
        content.setStrokingColor(color);
        content.setLineWidth(thickness);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }

    void dashed(Color color, float thickness, float x1, float y1, float x2, float y2) throws IOException {
        content.setLineDashPattern(new float[] {3, 2}, 0);
        line(color, thickness, x1, y1, x2, y2);
        content.setLineDashPattern(new float[0], 0);
    }

    /** Breaks text at spaces into lines no wider than {@code width}; a longer single word keeps a line of its own. */
    List<String> wrap(Style style, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(style, size, candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The text cut to fit {@code width}, ending in an ellipsis when cut. */
    String fit(Style style, float size, String text, float width) throws IOException {
        if (width(style, size, text) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 0 && width(style, size, text.substring(0, end) + "…") > width) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end).stripTrailing() + "…";
    }
}
