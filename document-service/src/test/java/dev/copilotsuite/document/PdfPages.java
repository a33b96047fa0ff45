package dev.copilotsuite.document;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/** Renders a PDF's pages to PNG with poppler's pdftoppm (a renderer independent of PDFBox) and measures ink. */
public final class PdfPages {

    private PdfPages() {
    }

    /** The share (0 to 1) of each page's pixels that are not white, at 40 dpi. */
    public static List<Double> inkPerPage(byte[] pdf) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pdftoppm");
        try {
            Path file = dir.resolve("doc.pdf");
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftoppm", "-r", "40", "-png", file.toString(),
                    dir.resolve("page").toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pdftoppm failed: " + output);
            }
            List<Double> ink = new ArrayList<>();
            try (Stream<Path> pages = Files.list(dir)) {
                for (Path png : pages.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
                    ink.add(ink(ImageIO.read(png.toFile())));
                }
            }
            return ink;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static double ink(BufferedImage image) {
        long inked = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) image.getWidth() * image.getHeight());
    }
}
