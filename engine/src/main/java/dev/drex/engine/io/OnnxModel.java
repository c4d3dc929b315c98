package dev.drex.engine.io;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX model a weight converter needs: the graph's nodes and its initializers,
 * hand-parsed from the protobuf wire format (onnx/onnx.proto) of a memory-mapped {@code .onnx} file.
 * <pre>
 *   ModelProto  7 graph (GraphProto)
 *   GraphProto  1 node (NodeProto, repeated)   5 initializer (TensorProto, repeated)
 *   NodeProto   1 input (string, repeated)  2 output (string, repeated)  3 name  4 op_type
 *   TensorProto 1 dims (int64, repeated)  2 data_type  4 float_data (packed float)  8 name
 *               9 raw_data (bytes, little-endian)  14 data_location (1 = EXTERNAL)
 * </pre>
 * Initializer data stay zero-copy slices of the mapping until {@link OnnxTensor#floats} is called.
 * Valid until {@link #close}.
 */
public final class OnnxModel implements AutoCloseable {

    /** A graph node: {@code outputs = opType(inputs)}. */
    public record Node(String name, String opType, List<String> inputs, List<String> outputs) {}

    private final Path path;
    private final Arena arena;
    private final List<Node> nodes;
    private final Map<String, OnnxTensor> initializers;

    private OnnxModel(Path path, Arena arena, List<Node> nodes, Map<String, OnnxTensor> initializers) {
        this.path = path;
        this.arena = arena;
        this.nodes = nodes;
        this.initializers = initializers;
    }

    /** Maps and parses the model file. */
    public static OnnxModel open(Path path) throws IOException {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment file;
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                file = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            }
            ProtoReader model = new ProtoReader(file, path + ": ModelProto");
            ProtoReader graph = null;
            while (model.hasMore()) {
                int tag = model.readTag();
                if (ProtoReader.fieldNumber(tag) == 7) {
                    model.expectWireType(tag, ProtoReader.LENGTH_DELIMITED, "graph");
                    graph = model.readMessage("graph");
                } else {
                    model.skip(tag);
                }
            }
            if (graph == null) {
                throw new CheckpointFormatException(path + ": ModelProto has no graph (field 7); not an ONNX model?");
            }
            List<Node> nodes = new ArrayList<>();
            Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
            while (graph.hasMore()) {
                int tag = graph.readTag();
                switch (ProtoReader.fieldNumber(tag)) {
                    case 1 -> nodes.add(parseNode(graph.readMessage("node " + nodes.size())));
                    case 5 -> {
                        OnnxTensor t = OnnxTensor.parse(graph.readMessage("initializer " + initializers.size()), path);
                        if (initializers.put(t.name(), t) != null) {
                            throw new CheckpointFormatException(path + ": initializer '" + t.name() + "' appears twice");
                        }
                    }
                    default -> graph.skip(tag);
                }
            }
            return new OnnxModel(path, arena, Collections.unmodifiableList(nodes), Collections.unmodifiableMap(initializers));
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static Node parseNode(ProtoReader in) throws CheckpointFormatException {
        String name = "";
        String opType = "";
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        while (in.hasMore()) {
            int tag = in.readTag();
            switch (ProtoReader.fieldNumber(tag)) {
                case 1 -> inputs.add(in.readString());
                case 2 -> outputs.add(in.readString());
                case 3 -> name = in.readString();
                case 4 -> opType = in.readString();
                default -> in.skip(tag);
            }
        }
        return new Node(name, opType, List.copyOf(inputs), List.copyOf(outputs));
    }

    public Path path() {
        return path;
    }

    /** The graph's nodes in file (topological) order. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Initializers by name, in file order. */
    public Map<String, OnnxTensor> initializers() {
        return initializers;
    }

    /** Nodes that read the value named {@code valueName}. */
    public List<Node> consumersOf(String valueName) {
        List<Node> result = new ArrayList<>();
        for (Node n : nodes) {
            if (n.inputs().contains(valueName)) result.add(n);
        }
        return result;
    }

    /** Unmaps the file; initializer data become invalid. */
    @Override
    public void close() {
        arena.close();
    }
}
