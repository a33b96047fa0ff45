package dev.copilotsuite.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Whether NetworkPolicies let one pod open a TCP connection to another, as the Kubernetes semantics say:
 * a pod selected by no policy of a direction is open in that direction; otherwise some rule of a policy
 * selecting it must admit the peer and the port (policies add up). Pods are identified by namespace and
 * labels; ipBlocks are taken to match only addresses outside the cluster.
 */
final class Traffic {

    /** A pod: its namespace (null for an address outside the cluster), labels and named container ports. */
    record Pod(String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {

        static Pod external() {
            return new Pod(null, Map.of(), Map.of());
        }
    }

    private final List<NetworkPolicy> policies;

    Traffic(List<NetworkPolicy> policies) {
        this.policies = policies;
    }

    boolean allowed(Pod from, Pod to, int port) {
        return egressAllowed(from, to, port) && ingressAllowed(from, to, port);
    }

    boolean egressAllowed(Pod from, Pod to, int port) {
        if (from.namespace() == null) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        return selecting.isEmpty() || selecting.stream().flatMap(p -> p.getSpec().getEgress().stream().map(rule -> Map.entry(p, rule)))
                .anyMatch(e -> peersMatch(e.getValue().getTo(), e.getKey(), to) && portsMatch(e.getValue().getPorts(), to, port));
    }

    boolean ingressAllowed(Pod from, Pod to, int port) {
        if (to.namespace() == null) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        return selecting.isEmpty() || selecting.stream().flatMap(p -> p.getSpec().getIngress().stream().map(rule -> Map.entry(p, rule)))
                .anyMatch(e -> peersMatch(e.getValue().getFrom(), e.getKey(), from) && portsMatch(e.getValue().getPorts(), to, port));
    }

    private List<NetworkPolicy> selecting(Pod pod, String type) {
        return policies.stream().filter(p -> Objects.equals(p.getMetadata().getNamespace(), pod.namespace()))
                .filter(p -> types(p).contains(type)).filter(p -> matches(p.getSpec().getPodSelector(), pod.labels())).toList();
    }

    private static List<String> types(NetworkPolicy policy) {
        if (policy.getSpec().getPolicyTypes() != null && !policy.getSpec().getPolicyTypes().isEmpty()) {
            return policy.getSpec().getPolicyTypes();
        }
        return policy.getSpec().getEgress() != null && !policy.getSpec().getEgress().isEmpty() ? List.of("Ingress", "Egress")
                : List.of("Ingress");
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, NetworkPolicy policy, Pod pod) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                if (pod.namespace() == null) {
                    return true;
                }
                continue;
            }
            if (pod.namespace() == null) {
                continue;
            }
            boolean namespace = peer.getNamespaceSelector() == null ? pod.namespace().equals(policy.getMetadata().getNamespace())
                    : matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", pod.namespace()));
            boolean labels = peer.getPodSelector() == null || matches(peer.getPodSelector(), pod.labels());
            if (namespace && labels) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Pod to, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort rule : ports) {
            if (rule.getProtocol() != null && !"TCP".equals(rule.getProtocol())) {
                continue;
            }
            IntOrString value = rule.getPort();
            if (value == null) {
                return true;
            }
            if (value.getIntVal() != null) {
                int end = rule.getEndPort() == null ? value.getIntVal() : rule.getEndPort();
                if (port >= value.getIntVal() && port <= end) {
                    return true;
                }
            } else if (Objects.equals(to.namedPorts().get(value.getStrVal()), port)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> label : selector.getMatchLabels().entrySet()) {
                if (!label.getValue().equals(labels.get(label.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = labels.get(requirement.getKey());
                boolean ok;
                switch (requirement.getOperator()) {
                    case "In":
                        ok = value != null && requirement.getValues().contains(value);
                        break;
                    case "NotIn":
                        ok = value == null || !requirement.getValues().contains(value);
                        break;
                    case "Exists":
                        ok = value != null;
                        break;
                    case "DoesNotExist":
                        ok = value == null;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown selector operator " + requirement.getOperator());
                }
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
