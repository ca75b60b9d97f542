import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPerson, createProjectTeam, createTask, type TestPerson } from '../../test/factories.js';
import { createTestContext, TEST_ORIGIN, type TestContext } from '../../test/harness.js';

interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  content: Buffer | string;
}

/** A multipart/form-data body, built by hand as a browser would send it. */
function multipart(parts: Part[], boundary = `----spine${randomBytes(8).toString('hex')}`): { payload: Buffer; contentType: string } {
  const chunks = parts.flatMap((part) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}\r\n` +
        (part.contentType ? `Content-Type: ${part.contentType}\r\n` : '') +
        '\r\n',
    ),
    Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content),
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

function sha256(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Every file under a directory, recursively (temp files included). */
function filesUnder(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('task documents', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  const filesDir = () => path.join(context.deps.config.dataDir, 'files');
  const attachmentRows = () => context.deps.database.db.selectFrom('attachments').selectAll().execute();

  async function send(as: TestPerson, taskId: number, body: { payload: Buffer; contentType: string }) {
    const response = await context.app.inject({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/attachments`,
      headers: { cookie: `spine_session=${as.cookie}`, origin: TEST_ORIGIN, 'content-type': body.contentType },
      payload: body.payload,
    });
    return { status: response.statusCode, headers: response.headers, body: response.body ? JSON.parse(response.body) : undefined };
  }
  const upload = (as: TestPerson, taskId: number, file: { filename: string; contentType?: string; content: Buffer | string }) =>
    send(as, taskId, multipart([{ name: 'file', ...file }]));
  const download = (as: TestPerson, attachmentId: number, query = '') =>
    context.app.inject({
      method: 'GET',
      url: `/api/v1/attachments/${attachmentId}/content${query}`,
      headers: { cookie: `spine_session=${as.cookie}` },
    });
  const list = (as: TestPerson, taskId: number) => context.request({ url: `/api/v1/tasks/${taskId}/attachments`, as });
  const remove = (as: TestPerson, attachmentId: number) =>
    context.request({ method: 'DELETE', url: `/api/v1/attachments/${attachmentId}`, as });

  it('stores an upload under ids only, records its sha256, lists it and serves the same bytes back', async () => {
    const { manager, member, project, organization } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id });
    const content = randomBytes(200_000);

    const created = await upload(member, task.id, { filename: 'brief.pdf', contentType: 'application/pdf', content });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      taskId: task.id,
      filename: 'brief.pdf',
      contentType: 'application/pdf',
      size: content.length,
      sha256: sha256(content),
      uploaderId: member.id,
    });

    const stored = filesUnder(filesDir());
    expect(stored).toHaveLength(1);
    expect(path.relative(filesDir(), stored[0]!)).toMatch(new RegExp(`^${organization.id}/[0-9a-f-]{36}$`));
    expect(sha256(fs.readFileSync(stored[0]!))).toBe(created.body.sha256);

    expect((await list(manager, task.id)).body.items).toEqual([created.body]);
    const fetched = await download(manager, created.body.id);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.rawPayload.equals(content)).toBe(true);
    expect(fetched.headers['content-length']).toBe(String(content.length));

    const events = (await context.request({ url: `/api/v1/tasks/${task.id}/history`, as: member })).body.items;
    expect(events.at(-1)).toMatchObject({
      kind: 'attachment_added',
      actorId: member.id,
      data: { attachmentId: created.body.id, filename: 'brief.pdf' },
    });
  });

  it('always sends documents as downloads with an encoded name, nosniff and a sandbox policy', async () => {
    const { manager, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id });
    const created = await upload(manager, task.id, { filename: 'Teklif — Ağustos (v2).txt', contentType: 'text/plain', content: 'hello' });
    const response = await download(manager, created.body.id);
    expect(response.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''Teklif%20%E2%80%94%20A%C4%9Fustos%20%28v2%29.txt`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(String(response.headers['content-type'])).toMatch(/^text\/plain/);
    expect(response.body).toBe('hello');
    // inline is only for images and PDFs
    expect((await download(manager, created.body.id, '?inline=1')).headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('never serves HTML, SVG, XML or script with their own type, not even inline', async () => {
    const { manager, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id });
    const active = [
      { filename: 'page.html', contentType: 'text/html', content: '<script>alert(document.cookie)</script>' },
      { filename: 'logo.svg', contentType: 'image/svg+xml', content: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>' },
      { filename: 'page.xhtml', contentType: 'application/xhtml+xml; charset=utf-8', content: '<html/>' },
      { filename: 'feed.xml', contentType: 'text/xml', content: '<x/>' },
      { filename: 'app.js', contentType: 'text/javascript', content: 'alert(1)' },
      { filename: 'weird.bin', contentType: 'Not A Type', content: 'x' },
    ];
    for (const file of active) {
      const created = await upload(manager, task.id, file);
      expect(created.status).toBe(201);
      for (const query of ['', '?inline=1']) {
        const response = await download(manager, created.body.id, query);
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('application/octet-stream');
        expect(response.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/);
        expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
        expect(response.headers['x-content-type-options']).toBe('nosniff');
      }
    }
  });

  it('shows images and PDFs inline on request, with their type and a sandbox policy', async () => {
    const { manager, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    for (const file of [
      { filename: 'screen.png', contentType: 'image/png', content: png },
      { filename: 'quote.pdf', contentType: 'application/pdf', content: '%PDF-1.4\n%%EOF' },
    ]) {
      const created = await upload(manager, task.id, file);
      const inline = await download(manager, created.body.id, '?inline=1');
      expect(inline.headers['content-type']).toBe(file.contentType);
      expect(inline.headers['content-disposition']).toBe(`inline; filename*=UTF-8''${file.filename}`);
      expect(inline.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      const plain = await download(manager, created.body.id);
      expect(plain.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${file.filename}`);
    }
  });

  it('keeps the uploaded name for display only: last path segment, no control characters, at most 255 characters', async () => {
    const { manager, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id });
    const traversal = await upload(manager, task.id, { filename: '..\\..\\windows\\system.ini', content: 'x' });
    expect(traversal.body.filename).toBe('system.ini');
    const spoofed = await upload(manager, task.id, { filename: ' invoice\u202Efdp.exe\u0007 ', content: 'x' });
    expect(spoofed.body.filename).toBe('invoicefdp.exe');
    const long = await upload(manager, task.id, { filename: `${'a'.repeat(300)}.docx`, content: 'x' });
    expect(long.body.filename).toHaveLength(255);
    expect(long.body.filename.endsWith('.docx')).toBe(true);
    for (const file of filesUnder(filesDir())) expect(path.basename(file)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a file over the limit with 413, leaving no file and no row; the limit itself is fine', async () => {
    await context.close();
    context = await createTestContext({ config: { uploadLimitBytes: 1024 } });
    const { manager, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id });

    const tooLarge = await upload(manager, task.id, { filename: 'big.bin', content: randomBytes(1025) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(tooLarge.body.detail).toContain('1024 bytes');
    const huge = await upload(manager, task.id, { filename: 'huge.bin', content: randomBytes(5 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(filesUnder(filesDir())).toEqual([]);
    expect(await attachmentRows()).toEqual([]);
    const history = (await context.request({ url: `/api/v1/tasks/${task.id}/history`, as: manager })).body.items;
    expect(history.map((event: { kind: string }) => event.kind)).toEqual(['created']);

    const exact = await upload(manager, task.id, { filename: 'exact.bin', content: randomBytes(1024) });
    expect(exact.status).toBe(201);
    expect(filesUnder(filesDir())).toHaveLength(1);
  });

  it('leaves no file and no row when the body breaks off mid-file', async () => {
    const { manager, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id });
    const { payload, contentType } = multipart([{ name: 'file', filename: 'cut.bin', content: randomBytes(100_000) }]);
    const response = await send(manager, task.id, { payload: payload.subarray(0, 60_000), contentType });
    expect(response.status).toBe(422);
    expect(response.body.errors[0]).toMatchObject({ pointer: '/file', code: 'upload_incomplete' });
    expect(filesUnder(filesDir())).toEqual([]);
    expect(await attachmentRows()).toEqual([]);
  });

  it('leaves no file and no row when the client disconnects during the upload', async () => {
    const { manager, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id });
    await context.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = context.app.server.address() as net.AddressInfo;
    const boundary = 'spine-abort-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="abort.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );

    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      [
        `POST /api/v1/tasks/${task.id}/attachments HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        `Cookie: spine_session=${manager.cookie}`,
        `Origin: ${TEST_ORIGIN}`,
        `Content-Type: multipart/form-data; boundary=${boundary}`,
        `Content-Length: ${head.length + 10_000_000}`,
        '',
        '',
      ].join('\r\n'),
    );
    socket.write(head);
    socket.write(randomBytes(300_000));
    // The upload is under way once its temp file is on disk.
    await waitFor(() => filesUnder(filesDir()).length === 1, 'the temp file');
    expect(path.basename(filesUnder(filesDir())[0]!)).toMatch(/^\.upload-/);
    socket.destroy();

    await waitFor(() => filesUnder(filesDir()).length === 0, 'the temp file to be removed');
    expect(await attachmentRows()).toEqual([]);
    // The server is still fine.
    expect((await list(manager, task.id)).body.items).toEqual([]);
  });

  it('keeps nothing of an upload whose task closed while the file was arriving (409)', async () => {
    const { manager, member, project } = await createProjectTeam(context, { reviewRequired: false });
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    await context.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/status`, as: member, body: { status: 'in_progress' } });
    await context.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = context.app.server.address() as net.AddressInfo;
    const boundary = 'spine-slow-boundary';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.bin"\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const content = randomBytes(200_000);

    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let response = '';
    socket.on('data', (chunk) => {
      response += chunk.toString('utf8');
    });
    const ended = new Promise((resolve) => socket.once('close', resolve));
    socket.write(
      [
        `POST /api/v1/tasks/${task.id}/attachments HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        `Cookie: spine_session=${member.cookie}`,
        `Origin: ${TEST_ORIGIN}`,
        `Content-Type: multipart/form-data; boundary=${boundary}`,
        `Content-Length: ${head.length + content.length + tail.length}`,
        'Connection: close',
        '',
        '',
      ].join('\r\n'),
    );
    socket.write(Buffer.concat([head, content.subarray(0, 100_000)]));
    await waitFor(() => filesUnder(filesDir()).length === 1, 'the temp file');
    const closed = await context.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/status`, as: member, body: { status: 'done' } });
    expect(closed.body.status).toBe('done');
    socket.write(Buffer.concat([content.subarray(100_000), tail]));
    await ended;

    expect(response).toMatch(/^HTTP\/1\.1 409 /);
    expect(response).toContain('"code":"task_closed"');
    expect(filesUnder(filesDir())).toEqual([]);
    expect(await attachmentRows()).toEqual([]);
  });

  it('answers 404 to people who cannot see the task, whatever they try', async () => {
    const { manager, member, project, outsider, client } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id });
    const created = await upload(member, task.id, { filename: 'plan.txt', content: 'secret plan' });
    for (const person of [outsider, client]) {
      expect((await list(person, task.id)).status).toBe(404);
      expect((await upload(person, task.id, { filename: 'x.txt', content: 'x' })).status).toBe(404);
      expect((await download(person, created.body.id)).statusCode).toBe(404);
      expect((await remove(person, created.body.id)).status).toBe(404);
    }
    const other = await createProjectTeam(context);
    expect((await download(other.owner, created.body.id)).statusCode).toBe(404);
    expect(filesUnder(filesDir())).toHaveLength(1);
  });

  it('lets those who work on the task upload, and answers 403 to other project members', async () => {
    const { manager, member, admin, project, organization } = await createProjectTeam(context);
    const colleague = await createPerson(context, organization.id, 'member');
    await context.request({
      method: 'PUT',
      url: `/api/v1/projects/${project.id}/members/${colleague.id}`,
      as: manager,
      body: { role: 'member' },
    });
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id });

    const refused = await upload(colleague, task.id, { filename: 'mine.txt', content: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    expect(filesUnder(filesDir())).toEqual([]);
    // …but they may read what the team attached.
    const captains = await upload(member, task.id, { filename: 'captain.txt', content: 'c' });
    expect((await download(colleague, captains.body.id)).statusCode).toBe(200);
    expect((await upload(manager, task.id, { filename: 'manager.txt', content: 'm' })).status).toBe(201);
    expect((await upload(admin, task.id, { filename: 'admin.txt', content: 'a' })).status).toBe(201);
  });

  it('lets the uploader or a project manager delete a document, removing its file; others get 403', async () => {
    const { manager, member, project, organization } = await createProjectTeam(context);
    const colleague = await createPerson(context, organization.id, 'member');
    await context.request({
      method: 'PUT',
      url: `/api/v1/projects/${project.id}/members/${colleague.id}`,
      as: manager,
      body: { role: 'member' },
    });
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, collaboratorIds: [colleague.id] });
    const first = await upload(member, task.id, { filename: 'one.txt', content: '1' });
    const second = await upload(member, task.id, { filename: 'two.txt', content: '2' });
    expect(filesUnder(filesDir())).toHaveLength(2);

    const refused = await remove(colleague, first.body.id);
    expect(refused.status).toBe(403);
    expect((await remove(member, first.body.id)).status).toBe(204);
    expect((await remove(manager, second.body.id)).status).toBe(204);
    expect(filesUnder(filesDir())).toEqual([]);
    expect((await list(member, task.id)).body.items).toEqual([]);
    expect((await download(member, first.body.id)).statusCode).toBe(404);
    expect((await remove(member, first.body.id)).status).toBe(404);

    const events = (await context.request({ url: `/api/v1/tasks/${task.id}/history`, as: member })).body.items;
    expect(events.filter((event: { kind: string }) => event.kind === 'attachment_deleted')).toEqual([
      expect.objectContaining({ actorId: member.id, data: { attachmentId: first.body.id, filename: 'one.txt' } }),
      expect.objectContaining({ actorId: manager.id, data: { attachmentId: second.body.id, filename: 'two.txt' } }),
    ]);
  });

  it('keeps documents of closed tasks: no uploads or deletes (409 task_closed), downloads still work', async () => {
    const { manager, member, project } = await createProjectTeam(context, { reviewRequired: false });
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    const created = await upload(member, task.id, { filename: 'final.txt', content: 'final' });
    await context.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/status`, as: member, body: { status: 'in_progress' } });
    await context.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/status`, as: member, body: { status: 'done' } });

    const late = await upload(member, task.id, { filename: 'late.txt', content: 'late' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('task_closed');
    const deletion = await remove(manager, created.body.id);
    expect(deletion.status).toBe(409);
    expect(deletion.body.code).toBe('task_closed');
    expect((await download(member, created.body.id)).body).toBe('final');
    expect(filesUnder(filesDir())).toHaveLength(1);
  });

  it('asks for a file in the field “file” (422 pointing at /file)', async () => {
    const { manager, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id });
    const wrongField = await send(manager, task.id, multipart([{ name: 'document', filename: 'a.txt', content: 'a' }]));
    expect(wrongField.status).toBe(422);
    expect(wrongField.body.errors[0].pointer).toBe('/file');
    const noFile = await send(manager, task.id, multipart([{ name: 'note', content: 'just text' }]));
    expect(noFile.status).toBe(422);
    const emptyChoice = await send(
      manager,
      task.id,
      multipart([{ name: 'file', filename: '', contentType: 'application/octet-stream', content: '' }]),
    );
    expect(emptyChoice.status).toBe(422);
    const json = await context.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/attachments`, as: manager, body: {} });
    expect(json.status).toBe(422);
    expect(json.body.errors[0].pointer).toBe('/file');
    expect(filesUnder(filesDir())).toEqual([]);
    expect(await attachmentRows()).toEqual([]);
  });

  it('accepts multipart on the upload route only; other routes still refuse it with 415', async () => {
    const { manager, project } = await createProjectTeam(context);
    const body = multipart([{ name: 'title', content: 'A task from a form' }]);
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/tasks',
      headers: { cookie: `spine_session=${manager.cookie}`, origin: TEST_ORIGIN, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(415);
    expect(project.id).toBeGreaterThan(0);
  });
});
