package dev.copilotsuite.copilot.ai;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import io.milvus.grpc.BoolResponse;
import io.milvus.grpc.CollectionSchema;
import io.milvus.grpc.ConnectRequest;
import io.milvus.grpc.ConnectResponse;
import io.milvus.grpc.CreateCollectionRequest;
import io.milvus.grpc.CreateIndexRequest;
import io.milvus.grpc.DeleteRequest;
import io.milvus.grpc.DescribeCollectionRequest;
import io.milvus.grpc.DescribeCollectionResponse;
import io.milvus.grpc.ErrorCode;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.FloatArray;
import io.milvus.grpc.GetLoadingProgressRequest;
import io.milvus.grpc.GetLoadingProgressResponse;
import io.milvus.grpc.HasCollectionRequest;
import io.milvus.grpc.IDs;
import io.milvus.grpc.InsertRequest;
import io.milvus.grpc.JSONArray;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.LoadCollectionRequest;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.MutationResult;
import io.milvus.grpc.PlaceholderGroup;
import io.milvus.grpc.ScalarField;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResultData;
import io.milvus.grpc.SearchResults;
import io.milvus.grpc.Status;
import io.milvus.grpc.StringArray;
import io.milvus.shaded.io.grpc.Server;
import io.milvus.shaded.io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.milvus.shaded.io.grpc.stub.StreamObserver;

/**
 * A Milvus server of one process: the RPCs {@link io.milvus.v2.client.MilvusClientV2} makes for
 * {@link MilvusEmbeddingStore}, served over gRPC on a loopback port, so the real client runs over a real
 * wire. It keeps rows in memory, searches them by cosine similarity and evaluates the boolean
 * expressions the store sends (==, !=, like, in, and, or, not over id and metadata["key"]); anything
 * else it fails, as a real server would reject an expression it cannot parse.
 */
final class FakeMilvusServer implements AutoCloseable {

    record Row(String id, float[] vector, String text, JsonObject metadata) {
    }

    final Map<String, CollectionSchema> collections = new ConcurrentHashMap<>();
    final Map<String, Row> rows = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> expressions = new CopyOnWriteArrayList<>();
    private final Server server;

    FakeMilvusServer() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(new Service()).build()
                .start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private static Status ok() {
        return Status.newBuilder().setErrorCode(ErrorCode.Success).setCode(0).build();
    }

    private static Status failed(String reason) {
        return Status.newBuilder().setErrorCode(ErrorCode.UnexpectedError).setCode(1100).setReason(reason).build();
    }

    private final class Service extends MilvusServiceGrpc.MilvusServiceImplBase {

        @Override
        public void connect(ConnectRequest request, StreamObserver<ConnectResponse> out) {
            calls.add("Connect");
            answer(out, ConnectResponse.newBuilder().setStatus(ok()).setIdentifier(1).build());
        }

        @Override
        public void hasCollection(HasCollectionRequest request, StreamObserver<BoolResponse> out) {
            calls.add("HasCollection");
            answer(out, BoolResponse.newBuilder().setStatus(ok()).setValue(collections.containsKey(request.getCollectionName()))
                    .build());
        }

        @Override
        public void createCollection(CreateCollectionRequest request, StreamObserver<Status> out) {
            calls.add("CreateCollection");
            try {
                collections.put(request.getCollectionName(), CollectionSchema.parseFrom(request.getSchema()));
                answer(out, ok());
            } catch (InvalidProtocolBufferException e) {
                answer(out, failed("bad schema: " + e.getMessage()));
            }
        }

        @Override
        public void createIndex(CreateIndexRequest request, StreamObserver<Status> out) {
            calls.add("CreateIndex");
            answer(out, collections.containsKey(request.getCollectionName()) ? ok() : failed("no collection"));
        }

        @Override
        public void loadCollection(LoadCollectionRequest request, StreamObserver<Status> out) {
            calls.add("LoadCollection");
            answer(out, ok());
        }

        @Override
        public void getLoadingProgress(GetLoadingProgressRequest request, StreamObserver<GetLoadingProgressResponse> out) {
            calls.add("GetLoadingProgress");
            answer(out, GetLoadingProgressResponse.newBuilder().setStatus(ok()).setProgress(100).build());
        }

        @Override
        public void describeCollection(DescribeCollectionRequest request, StreamObserver<DescribeCollectionResponse> out) {
            calls.add("DescribeCollection");
            CollectionSchema schema = collections.get(request.getCollectionName());
            answer(out, schema == null
                    ? DescribeCollectionResponse.newBuilder().setStatus(failed("collection not found")).build()
                    : DescribeCollectionResponse.newBuilder().setStatus(ok()).setSchema(schema)
                            .setCollectionName(request.getCollectionName()).setCollectionID(1).setShardsNum(1).build());
        }

        @Override
        public void insert(InsertRequest request, StreamObserver<MutationResult> out) {
            calls.add("Insert");
            Map<String, FieldData> fields = new java.util.HashMap<>();
            request.getFieldsDataList().forEach(field -> fields.put(field.getFieldName(), field));
            int n = request.getNumRows();
            FieldData vectors = fields.get(MilvusEmbeddingStore.VECTOR);
            int dim = (int) vectors.getVectors().getDim();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = fields.get(MilvusEmbeddingStore.ID).getScalars().getStringData().getData(i);
                float[] vector = new float[dim];
                for (int d = 0; d < dim; d++) {
                    vector[d] = vectors.getVectors().getFloatVector().getData(i * dim + d);
                }
                String text = fields.get(MilvusEmbeddingStore.TEXT).getScalars().getStringData().getData(i);
                JsonObject metadata = JsonParser.parseString(fields.get(MilvusEmbeddingStore.METADATA).getScalars()
                        .getJsonData().getData(i).toString(StandardCharsets.UTF_8)).getAsJsonObject();
                rows.put(id, new Row(id, vector, text, metadata));
                ids.add(id);
            }
            answer(out, MutationResult.newBuilder().setStatus(ok()).setInsertCnt(n)
                    .setIDs(IDs.newBuilder().setStrId(StringArray.newBuilder().addAllData(ids))).build());
        }

        @Override
        public void delete(DeleteRequest request, StreamObserver<MutationResult> out) {
            calls.add("Delete");
            expressions.add(request.getExpr());
            Predicate<Row> matches = new Expression(request.getExpr()).parse();
            List<String> gone = rows.values().stream().filter(matches).map(Row::id).toList();
            gone.forEach(rows::remove);
            answer(out, MutationResult.newBuilder().setStatus(ok()).setDeleteCnt(gone.size()).build());
        }

        @Override
        public void search(SearchRequest request, StreamObserver<SearchResults> out) {
            calls.add("Search");
            expressions.add(request.getDsl());
            Map<String, String> params = new java.util.HashMap<>();
            for (KeyValuePair pair : request.getSearchParamsList()) {
                params.put(pair.getKey(), pair.getValue());
            }
            int topK = Integer.parseInt(params.getOrDefault("topk", params.getOrDefault("limit", "10")));
            float[] query;
            try {
                ByteBuffer bytes = PlaceholderGroup.parseFrom(request.getPlaceholderGroup()).getPlaceholders(0)
                        .getValues(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                query = new float[bytes.remaining() / Float.BYTES];
                bytes.asFloatBuffer().get(query);
            } catch (InvalidProtocolBufferException e) {
                answer(out, SearchResults.newBuilder().setStatus(failed("bad placeholder group")).build());
                return;
            }
            Predicate<Row> filter = request.getDsl().isBlank() ? row -> true : new Expression(request.getDsl()).parse();
            float[] q = query;
            List<Row> hits = rows.values().stream().filter(filter)
                    .sorted(Comparator.comparingDouble((Row row) -> -cosine(q, row.vector()))).limit(topK).toList();
            SearchResultData.Builder data = SearchResultData.newBuilder().setNumQueries(1).setTopK(topK)
                    .addTopks(hits.size()).setPrimaryFieldName(MilvusEmbeddingStore.ID)
                    .setIds(IDs.newBuilder().setStrId(StringArray.newBuilder().addAllData(hits.stream().map(Row::id).toList())))
                    .addAllScores(hits.stream().map(row -> (float) cosine(q, row.vector())).toList());
            if (request.getOutputFieldsList().contains(MilvusEmbeddingStore.TEXT)) {
                data.addFieldsData(FieldData.newBuilder().setFieldName(MilvusEmbeddingStore.TEXT)
                        .setType(io.milvus.grpc.DataType.VarChar).setScalars(ScalarField.newBuilder().setStringData(
                                StringArray.newBuilder().addAllData(hits.stream().map(Row::text).toList()))));
                data.addOutputFields(MilvusEmbeddingStore.TEXT);
            }
            if (request.getOutputFieldsList().contains(MilvusEmbeddingStore.METADATA)) {
                data.addFieldsData(FieldData.newBuilder().setFieldName(MilvusEmbeddingStore.METADATA)
                        .setType(io.milvus.grpc.DataType.JSON).setScalars(ScalarField.newBuilder().setJsonData(
                                JSONArray.newBuilder().addAllData(hits.stream().map(row -> ByteString.copyFrom(
                                        row.metadata().toString(), StandardCharsets.UTF_8)).toList()))));
                data.addOutputFields(MilvusEmbeddingStore.METADATA);
            }
            answer(out, SearchResults.newBuilder().setStatus(ok()).setResults(data)
                    .setCollectionName(request.getCollectionName()).build());
        }

        private <T> void answer(StreamObserver<T> out, T value) {
            out.onNext(value);
            out.onCompleted();
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** A recursive-descent reader of the boolean expressions Milvus takes, limited to what the store sends. */
    static final class Expression {

        private static final Pattern TOKEN = Pattern.compile(
                "\\s*(\\(|\\)|\\[|\\]|,|==|!=|\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z_][A-Za-z0-9_]*)");
        private final List<String> tokens = new ArrayList<>();
        private int at;

        Expression(String text) {
            Matcher matcher = TOKEN.matcher(text);
            int end = 0;
            while (matcher.lookingAt()) {
                tokens.add(matcher.group(1));
                end = matcher.end();
                matcher.region(end, text.length());
            }
            if (!text.substring(end).isBlank()) {
                throw new IllegalArgumentException("cannot parse expression at: " + text.substring(end));
            }
        }

        Predicate<Row> parse() {
            Predicate<Row> expression = or();
            if (at != tokens.size()) {
                throw new IllegalArgumentException("unexpected " + tokens.get(at));
            }
            return expression;
        }

        private Predicate<Row> or() {
            Predicate<Row> left = and();
            while (at < tokens.size() && tokens.get(at).equals("or")) {
                at++;
                left = left.or(and());
            }
            return left;
        }

        private Predicate<Row> and() {
            Predicate<Row> left = unary();
            while (at < tokens.size() && tokens.get(at).equals("and")) {
                at++;
                left = left.and(unary());
            }
            return left;
        }

        private Predicate<Row> unary() {
            String token = tokens.get(at);
            if (token.equals("not")) {
                at++;
                return unary().negate();
            }
            if (token.equals("(")) {
                at++;
                Predicate<Row> inner = or();
                expect(")");
                return inner;
            }
            return comparison();
        }

        private Predicate<Row> comparison() {
            java.util.function.Function<Row, String> field = field();
            String op = tokens.get(at++);
            switch (op) {
                case "==": {
                    String value = literal();
                    return row -> value.equals(field.apply(row));
                }
                case "!=": {
                    String value = literal();
                    return row -> !value.equals(field.apply(row));
                }
                case "like": {
                    Pattern like = Pattern.compile(Pattern.quote(literal()).replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q"),
                            Pattern.DOTALL);
                    return row -> field.apply(row) != null && like.matcher(field.apply(row)).matches();
                }
                case "in": {
                    expect("[");
                    List<String> values = new ArrayList<>();
                    while (!tokens.get(at).equals("]")) {
                        values.add(literal());
                        if (tokens.get(at).equals(",")) {
                            at++;
                        }
                    }
                    at++;
                    return row -> values.contains(field.apply(row));
                }
                default:
                    throw new IllegalArgumentException("unsupported operator " + op);
            }
        }

        private java.util.function.Function<Row, String> field() {
            String name = tokens.get(at++);
            if (name.equals(MilvusEmbeddingStore.ID)) {
                return Row::id;
            }
            if (name.equals(MilvusEmbeddingStore.METADATA)) {
                expect("[");
                String key = literal();
                expect("]");
                return row -> row.metadata().has(key) ? row.metadata().get(key).getAsString() : null;
            }
            throw new IllegalArgumentException("unknown field " + name);
        }

        private String literal() {
            String token = tokens.get(at++);
            if (!token.startsWith("\"")) {
                throw new IllegalArgumentException("expected a string literal, got " + token);
            }
            return token.substring(1, token.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }

        private void expect(String token) {
            if (!tokens.get(at++).equals(token)) {
                throw new IllegalArgumentException("expected " + token);
            }
        }
    }
}
