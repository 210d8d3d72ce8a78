/**
 * Typed simulator errors. One base class with a `kind`, one subclass per condition, messages in
 * Docker's wording (the text after "Error response from daemon: "). `lib/cli/run.ts` is the one
 * place that turns a kind into stderr and an exit code.
 */
export type ErrorKind = 'not-found' | 'forbidden' | 'bad-request' | 'unavailable' | 'conflict' | 'usage';

export class CnmError extends Error {
  override name = 'CnmError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export class NetworkNotFoundError extends CnmError {
  override name = 'NetworkNotFoundError';
  constructor(ref: string) {
    super('not-found', `network ${ref} not found`);
  }
}
export class ContainerNotFoundError extends CnmError {
  override name = 'ContainerNotFoundError';
  constructor(ref: string) {
    super('not-found', `No such container: ${ref}`);
  }
}
export class ImageNotFoundError extends CnmError {
  override name = 'ImageNotFoundError';
  /** @param registry what the registry said, appended after a colon (`docker pull` prints it) */
  constructor(ref: string, registry?: string) {
    super('not-found', `pull access denied for ${ref}, repository does not exist or may require 'docker login'${registry ? `: ${registry}` : ''}`);
  }
}
export class AmbiguousError extends CnmError {
  override name = 'AmbiguousError';
  constructor(what: 'network' | 'container', ref: string, count: number) {
    super(
      'bad-request',
      what === 'network'
        ? `network ${ref} is ambiguous (${count} matches found based on ID prefix)`
        : `multiple IDs found with provided prefix: ${ref}`,
    );
  }
}
export class NetworkNameConflictError extends CnmError {
  override name = 'NetworkNameConflictError';
  constructor(name: string) {
    super('conflict', `network with name ${name} already exists`);
  }
}
export class ContainerNameConflictError extends CnmError {
  override name = 'ContainerNameConflictError';
  constructor(name: string, id: string) {
    super(
      'conflict',
      `Conflict. The container name "/${name}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
  }
}
export class PredefinedNetworkError extends CnmError {
  override name = 'PredefinedNetworkError';
  constructor(name: string, action: 'remove' | 'create') {
    super(
      'forbidden',
      action === 'remove'
        ? `${name} is a pre-defined network and cannot be removed`
        : `operation is not permitted on predefined ${name} network `.trimEnd(),
    );
  }
}
export class ActiveEndpointsError extends CnmError {
  override name = 'ActiveEndpointsError';
  constructor(name: string, endpoints: { name: string; id: string }[]) {
    super(
      'forbidden',
      `error while removing network: network ${name} has active endpoints (${endpoints.map((e) => `name:"${e.name}" id:"${e.id.slice(0, 12)}"`).join(', ')})`,
    );
  }
}
export class SwarmRequiredError extends CnmError {
  override name = 'SwarmRequiredError';
  constructor() {
    super(
      'unavailable',
      'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
    );
  }
}
export class WorkerNodeError extends CnmError {
  override name = 'WorkerNodeError';
  constructor() {
    super(
      'unavailable',
      'This node is not a swarm manager. Worker nodes can\'t be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.',
    );
  }
}
export class PoolOverlapError extends CnmError {
  override name = 'PoolOverlapError';
  constructor() {
    super('forbidden', 'invalid pool request: Pool overlaps with other one on this address space');
  }
}
export class PortAllocatedError extends CnmError {
  override name = 'PortAllocatedError';
  constructor(endpoint: string, epId: string, hostIp: string, port: number) {
    super(
      'unavailable',
      `failed to set up container networking: driver failed programming external connectivity on endpoint ${endpoint} (${epId}): Bind for ${hostIp}:${port} failed: port is already allocated`,
    );
  }
}
export class NoAvailableAddressError extends CnmError {
  override name = 'NoAvailableAddressError';
  constructor() {
    super('unavailable', 'no available IPv4 addresses on this network\'s address pools');
  }
}
export class NoAvailablePoolError extends CnmError {
  override name = 'NoAvailablePoolError';
  constructor() {
    super('unavailable', 'all predefined address pools have been fully subnetted');
  }
}
export class InvalidParameterError extends CnmError {
  override name = 'InvalidParameterError';
  constructor(message: string) {
    super('bad-request', message);
  }
}
export class ForbiddenError extends CnmError {
  override name = 'ForbiddenError';
  constructor(message: string) {
    super('forbidden', message);
  }
}
export class ConflictError extends CnmError {
  override name = 'ConflictError';
  constructor(message: string) {
    super('conflict', message);
  }
}
export class UnavailableError extends CnmError {
  override name = 'UnavailableError';
  constructor(message: string) {
    super('unavailable', message);
  }
}
export class NotFoundError extends CnmError {
  override name = 'NotFoundError';
  constructor(message: string) {
    super('not-found', message);
  }
}
