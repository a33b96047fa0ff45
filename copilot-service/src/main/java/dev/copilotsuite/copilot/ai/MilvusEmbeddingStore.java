package dev.copilotsuite.copilot.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.langchain4j.store.embedding.filter.comparison.ContainsString;
import dev.langchain4j.store.embedding.filter.comparison.IsEqualTo;
import dev.langchain4j.store.embedding.filter.logical.And;
import dev.langchain4j.store.embedding.filter.logical.Not;
import dev.langchain4j.store.embedding.filter.logical.Or;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.SearchResp;

/**
 * langchain4j's {@link EmbeddingStore} over a Milvus collection, through milvus-sdk-java's
 * {@link MilvusClientV2}: the copilot's retrieval when {@code MILVUS_URI} is set.
 *
 * <p>A row is (id, vector, text, metadata JSON); the collection is created with a COSINE index on first
 * use. langchain4j filters become Milvus boolean expressions over the metadata JSON, so filtering
 * happens in Milvus: equality, substring ({@code like "%...%"}; the copilot's codes carry no wildcard of their own) and and / or / not, the operators the
 * copilot's chunk filters use; any other filter is refused rather than silently ignored.
 */
public class MilvusEmbeddingStore implements EmbeddingStore<TextSegment> {

    static final String ID = "id";
    static final String VECTOR = "vector";
    static final String TEXT = "text";
    static final String METADATA = "metadata";

    private final MilvusClientV2 client;
    private final String collection;

    public MilvusEmbeddingStore(MilvusClientV2 client, String collection, int dimension) {
        this.client = client;
        this.collection = collection;
        if (!client.hasCollection(HasCollectionReq.builder().collectionName(collection).build())) {
            CreateCollectionReq.CollectionSchema schema = client.createSchema();
            schema.addField(AddFieldReq.builder().fieldName(ID).dataType(DataType.VarChar).maxLength(64)
                    .isPrimaryKey(true).autoID(false).build());
            schema.addField(AddFieldReq.builder().fieldName(VECTOR).dataType(DataType.FloatVector).dimension(dimension)
                    .build());
            schema.addField(AddFieldReq.builder().fieldName(TEXT).dataType(DataType.VarChar).maxLength(65535).build());
            schema.addField(AddFieldReq.builder().fieldName(METADATA).dataType(DataType.JSON).build());
            client.createCollection(CreateCollectionReq.builder().collectionName(collection).collectionSchema(schema)
                    .indexParams(List.of(IndexParam.builder().fieldName(VECTOR).indexType(IndexParam.IndexType.AUTOINDEX)
                            .metricType(IndexParam.MetricType.COSINE).build()))
                    .consistencyLevel(ConsistencyLevel.STRONG).build());
        }
    }

    public void close() {
        client.close();
    }

    @Override
    public String add(Embedding embedding) {
        String id = UUID.randomUUID().toString();
        add(id, embedding);
        return id;
    }

    @Override
    public void add(String id, Embedding embedding) {
        addAll(List.of(id), List.of(embedding), null);
    }

    @Override
    public String add(Embedding embedding, TextSegment segment) {
        String id = UUID.randomUUID().toString();
        addAll(List.of(id), List.of(embedding), List.of(segment));
        return id;
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
        List<String> ids = embeddings.stream().map(embedding -> UUID.randomUUID().toString()).toList();
        addAll(ids, embeddings, null);
        return ids;
    }

    @Override
    public void addAll(List<String> ids, List<Embedding> embeddings, List<TextSegment> segments) {
        if (ids.isEmpty()) {
            return;
        }
        List<JsonObject> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            TextSegment segment = segments == null ? null : segments.get(i);
            JsonObject row = new JsonObject();
            row.addProperty(ID, ids.get(i));
            row.add(VECTOR, JsonParser.parseString(java.util.Arrays.toString(embeddings.get(i).vector())));
            row.addProperty(TEXT, segment == null ? "" : segment.text());
            JsonObject metadata = new JsonObject();
            if (segment != null) {
                segment.metadata().toMap().forEach((key, value) -> metadata.addProperty(key, String.valueOf(value)));
            }
            row.add(METADATA, metadata);
            rows.add(row);
        }
        client.insert(InsertReq.builder().collectionName(collection).data(rows).build());
    }

    @Override
    public void removeAll(java.util.Collection<String> ids) {
        if (!ids.isEmpty()) {
            client.delete(DeleteReq.builder().collectionName(collection).ids(new ArrayList<>(ids)).build());
        }
    }

    @Override
    public void removeAll(Filter filter) {
        client.delete(DeleteReq.builder().collectionName(collection).filter(expression(filter)).build());
    }

    @Override
    public void removeAll() {
        client.delete(DeleteReq.builder().collectionName(collection).filter(ID + " != \"\"").build());
    }

    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
        SearchReq.SearchReqBuilder search = SearchReq.builder().collectionName(collection).annsField(VECTOR)
                .metricType(IndexParam.MetricType.COSINE).topK(request.maxResults())
                .data(List.of(new FloatVec(request.queryEmbedding().vector())))
                .outputFields(List.of(TEXT, METADATA)).consistencyLevel(ConsistencyLevel.STRONG);
        if (request.filter() != null) {
            search.filter(expression(request.filter()));
        }
        SearchResp response = client.search(search.build());
        List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>();
        for (List<SearchResp.SearchResult> hits : response.getSearchResults()) {
            for (SearchResp.SearchResult hit : hits) {
                // Milvus reports cosine similarity (-1..1); langchain4j scores relevance on 0..1.
                double score = (hit.getScore() + 1) / 2;
                if (score >= request.minScore()) {
                    matches.add(new EmbeddingMatch<>(score, String.valueOf(hit.getId()), null, segment(hit.getEntity())));
                }
            }
        }
        return new EmbeddingSearchResult<>(matches);
    }

    private static TextSegment segment(Map<String, Object> entity) {
        Object metadata = entity.get(METADATA);
        Metadata values = new Metadata();
        if (metadata instanceof JsonObject json) {
            json.entrySet().forEach(entry -> values.put(entry.getKey(), entry.getValue().getAsString()));
        } else if (metadata != null) {
            JsonParser.parseString(String.valueOf(metadata)).getAsJsonObject().entrySet()
                    .forEach(entry -> values.put(entry.getKey(), entry.getValue().getAsString()));
        }
        return TextSegment.from(String.valueOf(entity.get(TEXT)), values);
    }

    /** A langchain4j filter as a Milvus boolean expression over the metadata JSON field. */
    static String expression(Filter filter) {
        if (filter instanceof And and) {
            return "(" + expression(and.left()) + " and " + expression(and.right()) + ")";
        }
        if (filter instanceof Or or) {
            return "(" + expression(or.left()) + " or " + expression(or.right()) + ")";
        }
        if (filter instanceof Not not) {
            return "(not " + expression(not.expression()) + ")";
        }
        if (filter instanceof IsEqualTo equal) {
            return field(equal.key()) + " == " + literal(String.valueOf(equal.comparisonValue()));
        }
        if (filter instanceof ContainsString contains) {
            return field(contains.key()) + " like " + literal("%" + contains.comparisonValue() + "%");
        }
        throw new IllegalArgumentException("the Milvus store cannot apply a " + filter.getClass().getSimpleName()
                + " filter");
    }

    private static String field(String key) {
        return METADATA + "[" + literal(key) + "]";
    }

    private static String literal(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
