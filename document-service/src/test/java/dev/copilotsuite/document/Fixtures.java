package dev.copilotsuite.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.calculator.BucketInputs;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.Strategy;

/** The calculator fixture (the spec's defaults at version 7) and PDF reading for tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static CalculatorState defaults() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/calculator-state-defaults.json")) {
            return new ObjectMapper().readValue(in, CalculatorState.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The defaults with bucket1 moved to AI_AUGMENTED: the operation figures are the spec's worked
     * example for that move; the bucket rows stay the defaults' (the spec gives no per-bucket figures).
     */
    public static CalculatorState bucket1AiAugmented() {
        CalculatorState d = defaults();
        RoiInputs in = d.inputs();
        BucketInputs b1 = in.buckets().bucket1();
        RoiInputs inputs = new RoiInputs(in.humanAgents(), in.humanSalary(), in.benefitsLoad(), in.rent(), in.seatCost(),
                in.productiveHours(), in.targetOccupancy(), in.peakFactor(), in.peakShare(), in.aiHandleTimeReduction(),
                in.aiPromiseLift(), in.aiContainment(), in.aiContactLift(), in.aiPromiseFactor(), in.aiCostPerMinute(),
                in.aiPlatformFee(), in.aiImplementationCost(), in.buckets().with("bucket1", new BucketInputs(
                        b1.accounts(), b1.avgBalance(), b1.attemptsPerAccount(), b1.contactRate(), b1.handleMinutes(),
                        b1.dialMinutes(), b1.promiseRate(), b1.keptRate(), b1.paymentShare(), Strategy.AI_AUGMENTED)));
        RoiOutputs o = d.outputs();
        double netRecovery = 3751678.337587;
        RoiOutputs outputs = new RoiOutputs(o.totalBalance(), 3957832.296108, o.recoveryRate(), o.humanMinutes(),
                o.capacityMinutes(), 0.608759, 0.913138, 1, o.fteRequired(), o.humanCost(), o.facilityCost(),
                21653.958520, o.aiMinutes(), o.totalCost(), netRecovery, o.roi(), o.costToCollect(),
                netRecovery - 335286.220797, 335286.220797, 0.745632, 15.093739, o.buckets());
        return new CalculatorState(d.sessionId(), 8, inputs, outputs);
    }

    /** The text of a PDF, as a reader copying it would get it. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
