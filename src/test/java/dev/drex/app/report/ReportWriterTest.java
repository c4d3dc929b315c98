package dev.drex.app.report;

import dev.drex.app.report.StudyReport.ItemKeywords;
import dev.drex.app.report.StudyReport.Keyword;
import dev.drex.app.report.StudyReport.KeywordOverlap;
import dev.drex.app.report.StudyReport.LearningCurve;
import dev.drex.app.report.StudyReport.MetricColumn;
import dev.drex.app.report.StudyReport.ModelTiming;
import dev.drex.app.report.StudyReport.ResultTable;
import dev.drex.app.report.StudyReport.Sensitivity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {

    /** Parses the page as XML: well-formedness proves every tag is closed and every data string escaped. */
    static Document parseAsXml(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void sampleReportIsWellFormedAndHasEverySection() throws Exception {
        StudyReport sample = SampleReport.sample();
        String html = ReportWriter.render(sample);
        Document doc = parseAsXml(html);
        assertEquals(4, count(html, "<table class=\"results\""));
        // CD diagrams: over all tables and per protocol (2); curves 2 datasets x 2; lr, lambda 2 x 2; d 2; keywords 1
        assertEquals(3 + 4 + 4 + 2 + 1, doc.getElementsByTagName("svg").getLength());
        for (String id : List.of("results", "comparison", "curves", "sensitivity", "dimension", "keywords", "time",
                "friedman-all", "friedman-protocol-paper", "friedman-protocol-full", "timings"))
            assertTrue(html.contains("id=\"" + id + "\""), id);
        assertTrue(html.contains("Music / paper / MAE: no value for DMF") || html.contains("Instruments / paper / MAE: no value for DMF"));
        assertEquals(0, count(html, "NaN"));
        assertEquals(0, count(html, "Infinity"));
    }

    @Test
    void selfContained() {
        String html = ReportWriter.render(SampleReport.sample());
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("src="));
        assertFalse(html.contains("url("));
        Matcher links = Pattern.compile("https?://[^\"\\s]*").matcher(html);
        while (links.find()) assertEquals("http://www.w3.org/2000/svg", links.group());
    }

    @Test
    void dataIsEscapedEverywhere() throws Exception {
        String evil = "<img src=x onerror=alert(1)>&\"'";
        String word = "<script>alert('k')</script>";
        List<MetricColumn> columns = List.of(new MetricColumn("RMSE<", false), new MetricColumn("N&DCG", true));
        ResultTable table = new ResultTable("data<set>", "pro&tocol", List.of(evil, "B"), columns,
                new double[][] {{0.9, 0.5}, {1.0, 0.6}}, new double[][] {{0.01, 0.01}, {0.02, 0.02}}, 2);
        StudyReport report = new StudyReport("Title <b>", List.of("note & <i>"), List.of(table),
                List.of(new LearningCurve(evil, "data<set>", 1, new double[] {1, 0.8}, new double[] {1.1, 1.0}, 2)),
                List.of(new Sensitivity(evil, "data<set>", "lr", new double[] {1e-3, 1e-2}, new double[] {1.0, 1.1})),
                new KeywordOverlap(evil, "u<1>", List.of(new Keyword(word, 0.5)),
                        List.of(new ItemKeywords("i<1>", 4.5, List.of(new Keyword(word, 0.4))))),
                List.of(new ModelTiming(evil, 12)));
        String html = ReportWriter.render(report);
        parseAsXml(html);
        assertFalse(html.contains("<img"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<b>"));
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;"));
    }

    @Test
    void bestValuePerColumnIsHighlightedAndMissingShownAsDash() throws Exception {
        List<MetricColumn> columns = List.of(new MetricColumn("RMSE", false), new MetricColumn("MAE", false), new MetricColumn("NDCG@10", true));
        ResultTable table = new ResultTable("D", "paper", List.of("A", "B", "C"), columns,
                new double[][] {{0.95, 0.70, 0.90}, {0.91, Double.NaN, 0.93}, {1.02, 0.80, 0.93}},
                new double[][] {{0.01, 0.01, 0.01}, {0.01, Double.NaN, 0.01}, {0.01, 0.01, 0.01}}, 3);
        Document doc = parseAsXml(ReportWriter.render(new StudyReport("t", List.of(), List.of(table), List.of(), List.of(), null, List.of())));
        Element results = null;
        NodeList tables = doc.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++)
            if ("results".equals(((Element) tables.item(i)).getAttribute("class"))) results = (Element) tables.item(i);
        assertTrue(results != null);
        List<String> best = new ArrayList<>();
        NodeList cells = results.getElementsByTagName("td");
        for (int i = 0; i < cells.getLength(); i++) {
            Element td = (Element) cells.item(i);
            if ("best".equals(td.getAttribute("class"))) best.add(td.getTextContent());
        }
        // RMSE: B; MAE: A (B has none); NDCG@10: B and C tie at rank 1.5
        assertEquals(List.of("0.7000 \u00B1\u20090.0100 (1)", "0.9100 \u00B1\u20090.0100 (1)", "0.9300 \u00B1\u20090.0100 (1.5)",
                "0.9300 \u00B1\u20090.0100 (1.5)"), best);
        String text = results.getTextContent();
        assertTrue(text.contains("\u2014"));
        assertTrue(text.contains("1.0200 \u00B1\u20090.0100 (3)"));
    }

    @Test
    void emptyReportAndTooManyModelsStillRender() throws Exception {
        String empty = ReportWriter.render(new StudyReport("empty", List.of(), List.of(), List.of(), List.of(), null, List.of()));
        parseAsXml(empty);
        assertTrue(empty.contains("No results table"));

        List<String> models = new ArrayList<>();
        double[][] mean = new double[11][1];
        for (int m = 0; m < 11; m++) {
            models.add("m" + m);
            mean[m][0] = m;
        }
        ResultTable wide = new ResultTable("D", "paper", models, List.of(new MetricColumn("RMSE", false)), mean, new double[11][1], 1);
        String html = ReportWriter.render(new StudyReport("wide", List.of(), List.of(wide), List.of(), List.of(), null, List.of()));
        parseAsXml(html);
        assertTrue(html.contains("CD not tabulated for k = 11"));
    }

    @Test
    void writeIsAtomicAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/report.html");
        StudyReport sample = SampleReport.sample();
        ReportWriter.write(sample, file);
        ReportWriter.write(sample, file);                    // overwrite
        assertEquals(ReportWriter.render(sample), Files.readString(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
