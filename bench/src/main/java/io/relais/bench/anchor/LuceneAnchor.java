package io.relais.bench.anchor;

import io.relais.bench.company.SyntheticCompany;
import io.relais.bench.company.Texts;
import io.relais.bench.harness.OpenLoop;
import io.relais.bench.harness.Progress;
import io.relais.bench.harness.Report;
import io.relais.bench.harness.Section;
import io.relais.events.Audience;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Raw Lucene 9.12 on this machine: N synthetic items (French and English text, audience terms),
 * indexed on disk, then top-20 relevance queries at a fixed rate, without and with an audience
 * filter (the minimum cost of permission trimming: one {@link TermInSetQuery} over the viewer's
 * addresses). Search-service's p99 is compared with the untrimmed figure.
 */
public final class LuceneAnchor {

    public record Figures(long items, double indexPerSecond, OpenLoop.Result raw, OpenLoop.Result trimmed) {
    }

    private LuceneAnchor() {
    }

    public static Figures measure(SyntheticCompany company, long items, double rate, Duration duration, Section out)
            throws Exception {
        Path dir = Files.createTempDirectory("relais-bench-lucene-");
        Analyzer analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
                Map.of("text_fr", new FrenchAnalyzer(), "text_en", new EnglishAnalyzer()));
        List<List<String>> memberships = memberships(company);
        try (MMapDirectory directory = new MMapDirectory(dir)) {
            SplittableRandom rnd = new SplittableRandom(company.seed());
            AtomicLong indexed = new AtomicLong();
            Progress p = Progress.start("lucene indexing", () -> String.format("%,d of %,d", indexed.get(), items));
            long start = System.nanoTime();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
                for (long i = 0; i < items; i++) {
                    writer.addDocument(item(company, i, rnd));
                    indexed.incrementAndGet();
                }
                writer.commit();
            }
            double indexRate = items / ((System.nanoTime() - start) / 1e9);
            p.stop();
            long bytes;
            try (var files = Files.list(dir)) {
                bytes = files.mapToLong(f -> f.toFile().length()).sum();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                QueryBuilder builder = new QueryBuilder(analyzer);
                OpenLoop.warmUp("lucene", duration, s -> searcher.search(text(builder, new SplittableRandom(s)), 20));
                OpenLoop.Result raw = OpenLoop.run("lucene raw", rate, duration, 2, s -> {
                    searcher.search(text(builder, new SplittableRandom(s)), 20);
                });
                OpenLoop.Result trimmed = OpenLoop.run("lucene trimmed", rate, duration, 2, s -> {
                    SplittableRandom r = new SplittableRandom(s);
                    int viewer = r.nextInt(company.size());
                    List<BytesRef> addresses = new ArrayList<>();
                    addresses.add(new BytesRef(Audience.ORGANISATION));
                    addresses.add(new BytesRef(company.person(viewer).iri()));
                    memberships.get(viewer).forEach(c -> addresses.add(new BytesRef(c)));
                    Query q = new BooleanQuery.Builder()
                            .add(text(builder, r), BooleanClause.Occur.MUST)
                            .add(new TermInSetQuery("audience", addresses), BooleanClause.Occur.FILTER)
                            .build();
                    searcher.search(q, 20);
                });
                out.row("indexing " + String.format("%,d", items) + " items (one writer, commit at the end)",
                                Report.num(indexRate) + " items/s; index " + Report.num(bytes / 1048576.0) + " MiB")
                        .row("top-20 query, no trimming, " + Report.num(rate) + "/s for " + duration.toSeconds() + " s",
                                raw.latency().inline() + "; service time " + raw.service().inline())
                        .row("top-20 query + audience filter (viewer's addresses)",
                                trimmed.latency().inline() + "; service time " + trimmed.service().inline())
                        .note("Items: 60% French / 40% English text of 1–4 sentences, FrenchAnalyzer/EnglishAnalyzer per "
                                + "field; audience: 70% organisation-wide, 25% one community, 5% one person. Queries: one "
                                + "or two words from the generated vocabulary, over both language fields.");
                return new Figures(items, indexRate, raw, trimmed);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static Query text(QueryBuilder builder, SplittableRandom rnd) {
        String words = Texts.query(rnd);
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        Query fr = builder.createBooleanQuery("text_fr", words);
        Query en = builder.createBooleanQuery("text_en", words);
        if (fr != null) q.add(fr, BooleanClause.Occur.SHOULD);
        if (en != null) q.add(en, BooleanClause.Occur.SHOULD);
        return q.build();
    }

    private static Document item(SyntheticCompany company, long i, SplittableRandom rnd) {
        SyntheticCompany.Person author = company.person(rnd.nextInt(company.size()));
        Document d = new Document();
        d.add(new StringField("id", "urn:relais:post:bench-" + i, Field.Store.YES));
        d.add(new TextField("text_" + author.lang(), Texts.post(rnd, author.lang()), Field.Store.NO));
        double a = rnd.nextDouble();
        SyntheticCompany.Community[] communities = company.communities();
        String audience = a < 0.7 ? Audience.ORGANISATION
                : a < 0.95 ? communities[rnd.nextInt(communities.length)].iri()
                : company.person(rnd.nextInt(company.size())).iri();
        d.add(new StringField("audience", audience, Field.Store.NO));
        long published = 1_700_000_000_000L + i * 1000;
        d.add(new LongPoint("published", published));
        d.add(new NumericDocValuesField("published", published));
        return d;
    }

    private static List<List<String>> memberships(SyntheticCompany company) {
        List<List<String>> m = new ArrayList<>(company.size());
        for (int i = 0; i < company.size(); i++) m.add(new ArrayList<>(2));
        for (SyntheticCompany.Community c : company.communities()) {
            for (int member : c.members()) m.get(member).add(c.iri());
        }
        return m;
    }
}
