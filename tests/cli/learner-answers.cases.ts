/**
 * What learners type for the command tasks of content/ (h16x probe, issue 16): each entry names a
 * task by id prefix, an answer (the session, one command a line), and the verdict a fair examiner
 * gives. Output tasks: other flags, other commands, pipes, --format variants, JSON or plain. State
 * tasks: detours (a wrong name removed and redone, run without -d then with, a wrong network
 * connected then disconnected, IDs pasted from `docker ps` / `docker network ls`).
 * `<id:container:NAME>` / `<id:network:NAME>` in a command stands for the 12-character ID the lab
 * printed for that object, as a learner pastes it.
 */
export interface LearnerAnswer {
  task: string;
  answer: string[];
  correct: boolean;
  /** why, when the verdict is not obvious */
  why?: string;
}

export const OUTPUT_ANSWERS: LearnerAnswer[] = [
  // List all Docker networks and their drivers.
  { task: 'docker-networking:1288ng4pty', answer: ['docker network list'], correct: true },
  { task: 'docker-networking:1288ng4pty', answer: ['docker network ls --no-trunc'], correct: true },
  // Another layout of the table that keeps the asked columns (NAME or NETWORK ID, and DRIVER) for every
  // row is accepted (lib/cli/projection; the generator records the asked columns from the prompt).
  { task: 'docker-networking:1288ng4pty', answer: ["docker network ls --format 'table {{.Name}}\\t{{.Driver}}'"], correct: true },
  { task: 'docker-networking:1288ng4pty', answer: ["docker network ls --format '{{.Name}} {{.Driver}}'"], correct: true },
  { task: 'docker-networking:1288ng4pty', answer: ['docker network ls --format "{{.Driver}}   {{.Name}}"'], correct: true, why: 'columns in another order' },
  { task: 'docker-networking:1288ng4pty', answer: ["docker network ls --format '{{.ID}} {{.Driver}}'"], correct: true, why: 'the ID names the network as well as the name' },
  { task: 'docker-networking:1288ng4pty', answer: ["docker network ls --no-trunc --format '{{.ID}} {{.Name}} {{.Driver}} {{.Scope}}'"], correct: true, why: 'full IDs, every column' },
  { task: 'docker-networking:1288ng4pty', answer: ["docker network ls | awk '{print $2, $3}'"], correct: true, why: 'awk splits NETWORK ID: header "ID NAME", rows name and driver' },
  { task: 'docker-networking:1288ng4pty', answer: ['docker network ls | sort'], correct: true, why: 'the header sorts last' },
  { task: 'docker-networking:1288ng4pty', answer: ['docker network ls | tail -n +2'], correct: true, why: 'rows without the header' },
  { task: 'docker-networking:1288ng4pty', answer: ["docker network ls --format '{{.Name}}'"], correct: false, why: 'no drivers' },
  { task: 'docker-networking:1288ng4pty', answer: ["docker network ls --format '{{.Driver}}'"], correct: false, why: 'drivers without the networks' },
  { task: 'docker-networking:1288ng4pty', answer: ["docker network ls --filter driver=bridge --format '{{.Name}} {{.Driver}}'"], correct: false, why: 'misses the host and none networks' },
  { task: 'docker-networking:1288ng4pty', answer: ["docker network ls --format '{{.Name}}: {{.Driver}}'"], correct: false, why: 'KNOWN GAP: a colon glued to a cell is no whole cell' },
  { task: 'docker-networking:1288ng4pty', answer: ['docker network ls --format json'], correct: true, why: 'one JSON object per network, name and driver among its values' },
  { task: 'docker-networking:1288ng4pty', answer: ["docker network ls --format '{{json .}}'"], correct: true },
  { task: 'docker-networking:1288ng4pty', answer: ["docker network ls --format '{{json .Name}}'"], correct: false, why: 'names only' },
  { task: 'docker-networking:1288ng4pty', answer: ['docker network ls -q'], correct: false, why: 'no drivers' },
  // Print the subnet of the network `devnet` (just the CIDR, one line).
  { task: 'net-bridge:pjygj6nx6r', answer: ["docker network inspect devnet -f '{{range .IPAM.Config}}{{println .Subnet}}{{end}}'"], correct: true },
  { task: 'net-bridge:pjygj6nx6r', answer: ['docker network ls', "docker network inspect -f '{{(index .IPAM.Config 0).Subnet}}' devnet"], correct: true },
  { task: 'net-bridge:pjygj6nx6r', answer: ["docker network inspect devnet | grep Subnet | awk -F'\"' '{print $4}'"], correct: true },
  { task: 'net-bridge:pjygj6nx6r', answer: ['docker network inspect devnet | grep Subnet'], correct: false, why: 'not just the CIDR' },
  { task: 'net-bridge:pjygj6nx6r', answer: ["docker network inspect devnet -f '{{json .IPAM.Config}}'"], correct: false, why: 'not just the CIDR' },
  // Print the endpoint ID the container `app` has on the network `appnet`.
  { task: 'net-cnm:2o0a24vl3w', answer: ["docker network inspect appnet -f '{{range .Containers}}{{.EndpointID}}{{end}}'"], correct: true },
  { task: 'net-cnm:2o0a24vl3w', answer: ["docker inspect app -f '{{json .NetworkSettings.Networks.appnet.EndpointID}}'"], correct: true },
  { task: 'net-cnm:2o0a24vl3w', answer: ["docker inspect app -f '{{range .NetworkSettings.Networks}}{{.EndpointID}}{{end}}'"], correct: true },
  { task: 'net-cnm:2o0a24vl3w', answer: ["docker inspect app -f '{{range .NetworkSettings.Networks}}{{.NetworkID}}{{end}}'"], correct: false, why: 'the network ID, not the endpoint ID' },
  { task: 'net-cnm:2o0a24vl3w', answer: ['docker inspect app | grep EndpointID'], correct: false, why: 'the whole JSON line' },
  // Print the name of the IPAM driver that manages the network `corpnet`.
  { task: 'net-cnm:xe8271oeml', answer: ["docker network inspect corpnet -f '{{json .IPAM.Driver}}'"], correct: true },
  { task: 'net-cnm:xe8271oeml', answer: ['docker network inspect --format={{.IPAM.Driver}} corpnet'], correct: true },
  { task: 'net-cnm:xe8271oeml', answer: ["docker network inspect corpnet --format '{{json .IPAM}}'"], correct: false, why: 'the whole IPAM block' },
  { task: 'net-cnm:xe8271oeml', answer: ["docker network inspect corpnet -f '{{.Driver}}'"], correct: false, why: 'the network driver, not the IPAM driver' },
  // Print the DNS servers configured for container `resolver`.
  { task: 'net-dns:ok4qob3aj0', answer: ['docker exec resolver cat /etc/resolv.conf'], correct: true, why: 'resolv.conf is where the servers are configured' },
  { task: 'net-dns:ok4qob3aj0', answer: ['docker exec resolver grep nameserver /etc/resolv.conf'], correct: true },
  { task: 'net-dns:ok4qob3aj0', answer: ["docker exec resolver grep '^nameserver' /etc/resolv.conf"], correct: true },
  { task: 'net-dns:ok4qob3aj0', answer: ['docker exec resolver cat /etc/hosts'], correct: false },
  { task: 'net-dns:ok4qob3aj0', answer: ["docker inspect resolver -f '{{json .HostConfig.Dns}}'"], correct: true },
  { task: 'net-dns:ok4qob3aj0', answer: ["docker inspect -f '{{range .HostConfig.Dns}}{{.}}{{end}}' resolver"], correct: true },
  { task: 'net-dns:ok4qob3aj0', answer: ["docker inspect -f '{{.HostConfig.DnsSearch}}' resolver"], correct: false },
  // Print the name of every network that uses the `bridge` driver, one per line.
  { task: 'net-drivers:cfybvd9tf1', answer: ["docker network ls -f driver=bridge --format '{{.Name}}'"], correct: true },
  { task: 'net-drivers:cfybvd9tf1', answer: ["docker network ls --format '{{.Name}} {{.Driver}}' | grep bridge | awk '{print $1}'"], correct: true },
  { task: 'net-drivers:cfybvd9tf1', answer: ["docker network ls --filter driver=bridge -q | xargs docker network inspect -f '{{.Name}}'"], correct: true },
  { task: 'net-drivers:cfybvd9tf1', answer: ['docker network ls --filter driver=bridge'], correct: false, why: 'a table, not names one per line' },
  // Print all the service labels of `shop` as JSON.
  { task: 'net-l7-lb:ol68hsbq18', answer: ["docker service inspect shop --format '{{json .Spec.Labels}}'"], correct: true },
  { task: 'net-l7-lb:ol68hsbq18', answer: ["docker inspect shop -f '{{json .Spec.Labels}}'"], correct: true },
  { task: 'net-l7-lb:ol68hsbq18', answer: ['docker service inspect --pretty shop'], correct: false, why: 'not JSON' },
  // Print the host names Interlock routes to service `shop` (the com.docker.lb.hosts label).
  { task: 'net-l7-lb:hhguko7ldc', answer: ["docker service inspect shop -f '{{index .Spec.Labels \"com.docker.lb.hosts\"}}'"], correct: true },
  { task: 'net-l7-lb:hhguko7ldc', answer: ["docker inspect --format '{{index .Spec.Labels \"com.docker.lb.hosts\"}}' shop"], correct: true },
  { task: 'net-l7-lb:hhguko7ldc', answer: ["docker service inspect shop --format '{{json .Spec.Labels}}'"], correct: false, why: 'every label' },
  // Print the endpoint mode (`vip` or `dnsrr`) of the service `db`.
  { task: 'net-overlay-swarm:k706hvdkhj', answer: ["docker service inspect db --format '{{.Endpoint.Spec.Mode}}'"], correct: true },
  { task: 'net-overlay-swarm:k706hvdkhj', answer: ["docker service inspect db -f '{{json .Spec.EndpointSpec.Mode}}'"], correct: true },
  { task: 'net-overlay-swarm:k706hvdkhj', answer: ['docker service inspect --pretty db'], correct: false, why: 'the whole service' },
  // Print the publish mode of each port of the service `edge`, one per line.
  { task: 'net-overlay-swarm:j25gccpymp', answer: ["docker service inspect edge -f '{{range .Endpoint.Ports}}{{println .PublishMode}}{{end}}'"], correct: true },
  { task: 'net-overlay-swarm:j25gccpymp', answer: ["docker service inspect edge -f '{{range .Spec.EndpointSpec.Ports}}{{.PublishMode}}{{\"\\n\"}}{{end}}'"], correct: true },
  { task: 'net-overlay-swarm:j25gccpymp', answer: ["docker service inspect edge -f '{{json .Spec.EndpointSpec.Ports}}'"], correct: false, why: 'every field of the ports' },
  // Print the host address and port that container port 80 of `web` is published on.
  { task: 'net-ports:6i2farmb4s', answer: ['docker port web'], correct: true, why: 'only port 80 is published' },
  { task: 'net-ports:6i2farmb4s', answer: ['docker port web 80/tcp'], correct: true },
  { task: 'net-ports:6i2farmb4s', answer: ['docker container port web 80'], correct: true },
  { task: 'net-ports:6i2farmb4s', answer: ["docker inspect web -f '{{json .NetworkSettings.Ports}}'"], correct: false, why: 'a JSON map' },
  { task: 'net-ports:6i2farmb4s', answer: ["docker inspect -f '{{(index (index .NetworkSettings.Ports \"80/tcp\") 0).HostPort}}' web"], correct: false, why: 'the port without the address' },
  // Print the IP address that container `api` has on its network.
  { task: 'net-ports:y6mnhx1i6v', answer: ['docker exec api hostname -i'], correct: true },
  { task: 'net-ports:y6mnhx1i6v', answer: ["docker inspect -f '{{.NetworkSettings.Networks.appnet.IPAddress}}' $(docker ps -q)"], correct: true },
  { task: 'net-ports:y6mnhx1i6v', answer: ["docker network inspect appnet -f '{{range .Containers}}{{.IPv4Address}}{{end}}'"], correct: true, why: 'the address with its prefix length is still the address' },
  { task: 'net-ports:y6mnhx1i6v', answer: ["docker inspect api -f '{{range .NetworkSettings.Networks}}{{.Gateway}}{{end}}'"], correct: false, why: 'the gateway' },
  // Print the published ports of service `api` as JSON, as swarm allocated them.
  { task: 'net-ports:ytlbg5alxv', answer: ["docker service inspect api -f '{{json .Endpoint.Ports}}'"], correct: true },
  { task: 'net-ports:ytlbg5alxv', answer: ["docker inspect api --format '{{json .Endpoint.Ports}}'"], correct: true },
  { task: 'net-ports:ytlbg5alxv', answer: ["docker service ls --format '{{.Ports}}'"], correct: false, why: 'not JSON' },
  // Service `web` was published without choosing a port. Print only the port number.
  { task: 'net-ports:ojn7tv4yh1', answer: ["docker service inspect web --format '{{range .Endpoint.Ports}}{{println .PublishedPort}}{{end}}'"], correct: true },
  { task: 'net-ports:ojn7tv4yh1', answer: ["docker service inspect web -f '{{json (index .Endpoint.Ports 0).PublishedPort}}'"], correct: true },
  { task: 'net-ports:ojn7tv4yh1', answer: ["docker service ls --format '{{.Ports}}'"], correct: false, why: 'not only the number' },
  // Print the address of node `worker1` as the swarm knows it.
  { task: 'net-ports:aksj5c5q6e', answer: ['docker node ls', "docker node inspect worker1 --format '{{.Status.Addr}}'"], correct: true },
  { task: 'net-ports:aksj5c5q6e', answer: ["docker node inspect -f '{{json .Status.Addr}}' worker1"], correct: true },
  { task: 'net-ports:aksj5c5q6e', answer: ["docker node inspect -f '{{.Status.Addr}}' self"], correct: false, why: 'the manager, not worker1' },
  // Print the address that this manager advertises to the rest of the swarm.
  { task: 'net-traffic:0208oht1uc', answer: ["docker info --format '{{.Swarm.NodeAddr}}'"], correct: true },
  { task: 'net-traffic:0208oht1uc', answer: ["docker node inspect --format '{{.Status.Addr}}' self"], correct: true },
  { task: 'net-traffic:0208oht1uc', answer: ["docker node inspect self -f '{{.ManagerStatus.Addr}}'"], correct: true, why: 'the manager address it advertises, with the port 2377' },
  { task: 'net-traffic:0208oht1uc', answer: ['docker node inspect self --pretty'], correct: false, why: 'the whole node' },
  // Print the names of the containers attached to network `appnet`.
  { task: 'net-troubleshooting:8y9edn0453', answer: ["docker network inspect appnet --format '{{range .Containers}}{{.Name}} {{end}}'"], correct: true },
  { task: 'net-troubleshooting:8y9edn0453', answer: ["docker ps --filter network=appnet --format '{{.Names}}'"], correct: true },
  { task: 'net-troubleshooting:8y9edn0453', answer: ["docker network inspect appnet --format '{{range $k, $v := .Containers}}{{$v.Name}}{{println}}{{end}}'"], correct: true },
  { task: 'net-troubleshooting:8y9edn0453', answer: ['docker ps --filter network=appnet'], correct: false, why: 'the whole table' },
  // Print the gateway address of network `appnet`.
  { task: 'net-troubleshooting:52dy2vjcqx', answer: ["docker network inspect appnet --format '{{(index .IPAM.Config 0).Gateway}}'"], correct: true },
  { task: 'net-troubleshooting:52dy2vjcqx', answer: ["docker network inspect -f '{{range .IPAM.Config}}{{println .Gateway}}{{end}}' appnet"], correct: true },
  { task: 'net-troubleshooting:52dy2vjcqx', answer: ['docker network inspect appnet | grep Gateway'], correct: false, why: 'the JSON line' },
  { task: 'net-troubleshooting:52dy2vjcqx', answer: ["docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' appnet"], correct: false, why: 'the subnet' },
  // Container `probe` tried to reach its database and exited. Print what it wrote to its output.
  { task: 'net-troubleshooting:fxa2woe1ve', answer: ['docker logs -t probe'], correct: true, why: 'what it wrote, each line with its time' },
  { task: 'net-troubleshooting:fxa2woe1ve', answer: ['docker ps -a', 'docker logs $(docker ps -aq --filter name=probe)'], correct: true },
  { task: 'net-troubleshooting:fxa2woe1ve', answer: ['docker logs --tail 10 probe'], correct: true },
  { task: 'net-troubleshooting:fxa2woe1ve', answer: ['docker logs --tail 1 probe'], correct: false, why: 'only the last line' },
  // Container `job` has stopped. Print only its exit code.
  { task: 'net-troubleshooting:lcc9xztbm7', answer: ['docker wait job'], correct: true },
  { task: 'net-troubleshooting:lcc9xztbm7', answer: ["docker container inspect job --format='{{.State.ExitCode}}'"], correct: true },
  { task: 'net-troubleshooting:lcc9xztbm7', answer: ["docker inspect job -f '{{json .State.ExitCode}}'"], correct: true },
  { task: 'net-troubleshooting:lcc9xztbm7', answer: ["docker ps -a --filter name=job --format '{{.Status}}'"], correct: false, why: 'not only the code' },
  // Print this host's network events of the last hour (and only network events).
  { task: 'net-troubleshooting:q909y5cg4q', answer: ['docker events --since 1h --filter type=network'], correct: true },
  { task: 'net-troubleshooting:q909y5cg4q', answer: ["docker events --since 1h -f 'type=network' --until 0s"], correct: true },
  { task: 'net-troubleshooting:q909y5cg4q', answer: ['docker events --since 3600s --filter type=network'], correct: true },
  { task: 'net-troubleshooting:q909y5cg4q', answer: ['docker events --since 1h'], correct: false, why: 'container events too' },
  { task: 'net-troubleshooting:q909y5cg4q', answer: ['docker events --since 1h --filter event=disconnect'], correct: false, why: 'only one kind of network event' },
];

export const STATE_ANSWERS: LearnerAnswer[] = [
  // devnet with subnet 172.28.0.0/16 and gateway 172.28.0.1
  { task: 'net-bridge:9j77upgeuy', answer: ['docker network create --subnet 172.28.0.0/16 --gateway 172.28.0.1 devnte', 'docker network rm devnte', 'docker network create --subnet 172.28.0.0/16 --gateway 172.28.0.1 devnet'], correct: true, why: 'a typo removed, then right' },
  { task: 'net-bridge:9j77upgeuy', answer: ['docker network create devnet', 'docker network rm <id:network:devnet>', 'docker network create -d bridge --subnet=172.28.0.0/16 --gateway=172.28.0.1 devnet'], correct: true, why: 'no subnet at first; removed by pasted ID' },
  { task: 'net-bridge:9j77upgeuy', answer: ['docker network create --subnet 172.28.0.0/16 --gateway 172.28.0.1 devnte'], correct: false, why: 'the typo stays' },
  // web detached, attached only to devnet
  { task: 'net-bridge:2aiwz0scao', answer: ['docker run --name web --network devnet nginx', 'docker rm -f web', 'docker run -d --name web --network devnet nginx'], correct: true, why: 'without -d first' },
  { task: 'net-bridge:2aiwz0scao', answer: ['docker run -d --name web nginx', 'docker network connect devnet web', 'docker network disconnect bridge web'], correct: true, why: 'on bridge first, then moved' },
  { task: 'net-bridge:2aiwz0scao', answer: ['docker run -d --name web nginx', 'docker network connect devnet web'], correct: false, why: 'still on bridge' },
  // api (front) reaches db (back) without moving db
  { task: 'net-bridge:rkuxcrxgss', answer: ['docker network connect bridge api', 'docker network disconnect bridge api', 'docker network connect back api'], correct: true, why: 'a wrong network connected then disconnected' },
  { task: 'net-bridge:rkuxcrxgss', answer: ['docker network connect <id:network:back> <id:container:api>'], correct: true, why: 'IDs pasted' },
  // Detach web from the default bridge, leaving devnet
  { task: 'net-bridge:bpmix5rw9q', answer: ['docker network disconnect devnet web', 'docker network connect devnet web', 'docker network disconnect bridge web'], correct: true, why: 'the wrong one first, put back' },
  { task: 'net-bridge:bpmix5rw9q', answer: ['docker network disconnect devnet web', 'docker network disconnect bridge web'], correct: false, why: 'devnet lost' },
  // app gets a second endpoint on mgmt with 172.30.0.50
  { task: 'net-cnm:163rskn0a2', answer: ['docker network connect mgmt app', 'docker network disconnect mgmt app', 'docker network connect --ip 172.30.0.50 mgmt app'], correct: true, why: 'without --ip first' },
  { task: 'net-cnm:163rskn0a2', answer: ['docker network connect mgmt app'], correct: false, why: 'a dynamic address' },
  // db1 on appnet, alias db
  { task: 'net-dns:zy9u0ovqy1', answer: ['docker run -d --name db1 --network appnet postgres', 'docker rm -f <id:container:db1>', 'docker run -d --name db1 --network appnet --network-alias db postgres'], correct: true, why: 'alias forgotten; removed by pasted ID' },
  { task: 'net-dns:zy9u0ovqy1', answer: ['docker run -d --name db1 --network appnet postgres', 'docker network disconnect appnet db1', 'docker network connect --alias db appnet db1'], correct: true, why: 'alias added by reconnecting' },
  // cache reachable as redis on appnet
  { task: 'net-dns:fpm7622l28', answer: ['docker network connect appnet cache', 'docker network disconnect appnet cache', 'docker network connect --alias redis appnet cache'], correct: true },
  { task: 'net-dns:fpm7622l28', answer: ['docker network connect --alias redis <id:network:appnet> <id:container:cache>'], correct: true, why: 'IDs pasted' },
  { task: 'net-dns:fpm7622l28', answer: ['docker network connect appnet cache'], correct: false, why: 'no alias' },
  // web reachable on host port 8080
  { task: 'net-ports:jl0bwe9q20', answer: ['docker run -d --name web -p 80:8080 nginx', 'docker stop web', 'docker rm web', 'docker run -d --name web -p 8080:80 nginx'], correct: true, why: 'ports swapped first' },
  { task: 'net-ports:jl0bwe9q20', answer: ['docker run -d --name web -p 80:8080 nginx'], correct: false, why: 'ports swapped' },
  // replace web with one publishing 8080:80
  { task: 'net-troubleshooting:6uhswe4lbp', answer: ['docker run -d --name web -p 8080:80 nginx', 'docker stop web', 'docker rm web', 'docker run -d --name web -p 8080:80 nginx'], correct: true, why: 'name conflict first' },
  { task: 'net-troubleshooting:6uhswe4lbp', answer: ['docker ps', 'docker rm -f <id:container:web>', 'docker run -d -p 8080:80 --name web nginx'], correct: true, why: 'ID pasted from docker ps' },
  // service web, 3 replicas, appnet, 8080 on the mesh
  { task: 'net-overlay-swarm:h1139k0pn6', answer: ['docker service create --name web --network appnet --publish published=8080,target=80 nginx', 'docker service scale web=3'], correct: true, why: 'scaled afterwards' },
  { task: 'net-overlay-swarm:h1139k0pn6', answer: ['docker service create --name web --replicas 3 -p 8081:80 --network appnet nginx', 'docker service rm web', 'docker service create --name web --replicas 3 -p 8080:80 --network appnet nginx'], correct: true, why: 'wrong port, removed, redone' },
  { task: 'net-overlay-swarm:h1139k0pn6', answer: ['docker service create --name web --replicas 3 -p 8081:80 --network appnet nginx', 'docker service update --publish-rm 8081 --publish-add 8080:80 web'], correct: false, why: '--publish-rm takes the target port: 8081 removes nothing, as in docker' },
  { task: 'net-overlay-swarm:h1139k0pn6', answer: ['docker service create --name web --replicas 3 -p 8081:80 --network appnet nginx', 'docker service update --publish-rm 80 --publish-add 8080:80 web'], correct: true, why: 'port fixed by update' },
  // db with DNS round-robin
  { task: 'net-overlay-swarm:jj8kx66bqi', answer: ['docker service create --name db --replicas 2 --network appnet redis', 'docker service rm db', 'docker service create --name db --replicas 2 --network appnet --endpoint-mode dnsrr redis'], correct: true },
  { task: 'net-overlay-swarm:jj8kx66bqi', answer: ['docker service create --name db --replicas 2 --network appnet redis', 'docker service update --endpoint-mode dnsrr db'], correct: true, why: 'mode changed by update' },
  // sealed, networking disabled
  { task: 'net-drivers:xxadvx9g6e', answer: ['docker run --name sealed --network none alpine sleep 3600', 'docker rm -f sealed', 'docker run -d --name sealed --network none alpine sleep 3600'], correct: true, why: 'without -d first' },
  // promote worker1, by a pasted node ID
  { task: 'net-traffic:zi203q7qk2', answer: ['docker node ls', 'docker node promote <id:node:worker1>'], correct: true },
  { task: 'net-traffic:zi203q7qk2', answer: ['docker node update --role manager <id:node:worker1>'], correct: true },
  // disconnect my-nginx from my-net, by pasted IDs
  { task: 'docker-networking:z5h3nrg8ht', answer: ['docker network disconnect <id:network:my-net> <id:container:my-nginx>'], correct: true },
];

