<?php

declare(strict_types=1);

namespace Exercise\Tests;

require_once __DIR__ . '/Support/SpyLogger.php';
require_once __DIR__ . '/Support/PartnerSdk.php';

use Exercise\Errors\NotFound;
use Exercise\Errors\OrderFailed;
use Exercise\Errors\ValidationFailed;
use Exercise\ExceptionHandler;
use Exercise\Http\Response;
use Exercise\Tests\Support\SpyLogger;
use PHPUnit\Framework\TestCase;

final class ExceptionHandlerTest extends TestCase
{
    private SpyLogger $logger;
    private ExceptionHandler $handler;

    protected function setUp(): void
    {
        $this->logger = new SpyLogger();
        $this->handler = new ExceptionHandler($this->logger);
    }

    /** @return array<string, mixed> */
    private function problem(Response $response): array
    {
        $this->assertSame('application/problem+json', $response->headers['Content-Type'] ?? null, 'Every error response needs the header Content-Type: application/problem+json.');
        $body = json_decode($response->body, true);
        $this->assertIsArray($body, 'The body must be a JSON object (use json_encode with JSON_THROW_ON_ERROR).');
        foreach (['type', 'title', 'status', 'detail', 'requestId'] as $member) {
            $this->assertArrayHasKey($member, $body, "The problem details must contain the member \"$member\".");
        }
        $this->assertSame($response->status, $body['status'], 'The "status" member must equal the HTTP status code.');
        return $body;
    }

    public function testNotFoundMapsTo404WithActionableDetail(): void
    {
        $response = $this->handler->toResponse(new NotFound('Order 42 does not exist.'), 'req-404');
        $this->assertSame(404, $response->status, 'Map NotFound to status 404 in toResponse() (check instanceof before the generic 500 branch).');
        $body = $this->problem($response);
        $this->assertSame('Not Found', $body['title'], 'Use the standard reason phrase as title: "Not Found" for 404.');
        $this->assertSame('Order 42 does not exist.', $body['detail'], 'Client errors keep their message as "detail": it tells the client what to fix.');
        $this->assertSame('req-404', $body['requestId'], 'Put the request ID in the "requestId" member.');
    }

    public function testValidationFailedMapsTo422WithErrors(): void
    {
        $errors = [['pointer' => '/lines/0/quantity', 'detail' => 'must be at least 1']];
        $response = $this->handler->toResponse(new ValidationFailed($errors), 'req-422');
        $this->assertSame(422, $response->status, 'Map ValidationFailed to status 422 in toResponse() (check instanceof before the generic 500 branch).');
        $body = $this->problem($response);
        $this->assertSame($errors, $body['errors'] ?? null, 'A 422 body must include the field errors as an "errors" member ($e->errors).');
    }

    public function testClientMessagesAndRequestIdsComeFromTheException(): void
    {
        $id = random_int(100, 99999);
        $requestId = 'req-' . bin2hex(random_bytes(4));
        $body = $this->problem($this->handler->toResponse(new NotFound("Invoice $id does not exist."), $requestId));
        $this->assertSame(["Invoice $id does not exist.", $requestId], [$body['detail'], $body['requestId']], 'Take detail from the NotFound message and requestId from the argument; never fixed strings.');
    }

    public function testClientErrorsAreNotLoggedAsErrors(): void
    {
        $this->handler->toResponse(new NotFound('Order 42 does not exist.'), 'req-404');
        $this->handler->toResponse(new ValidationFailed([['pointer' => '/lines', 'detail' => 'must contain at least one line']]), 'req-422');
        $this->assertSame([], $this->logger->at('error'), 'A 404 or 422 is normal traffic: do not log client errors at error level.');
    }

    public function testErrorsFromTheEngineAreServerErrorsToo(): void
    {
        $secret = 'internal-' . bin2hex(random_bytes(4));
        $e = new \TypeError("Argument #1 (\$row) must be of type array, null given in /srv/$secret/Repo.php");
        $response = $this->handler->toResponse($e, 'req-type');
        $this->assertSame(500, $response->status, 'A TypeError (a bug, from the Error branch of Throwable) must map to 500.');
        $this->assertStringNotContainsString($secret, $response->body, 'The 500 detail must be a fixed generic sentence: never include any part of the exception message.');
        $this->assertCount(1, $this->logger->at('error'), 'Bugs are server errors: log them once at error level.');
    }

    public function testErrorsThatOnlyLookLikeClientErrorsAreServerErrors(): void
    {
        $secret = 'partner-' . bin2hex(random_bytes(4));
        $lookalikes = [
            'a partner SDK class also named NotFound' => new Support\PartnerSdk\NotFound("Bucket $secret not found upstream"),
            'a partner SDK class named ValidationFailed with an $errors array' => new Support\PartnerSdk\ValidationFailed(
                "Upstream rejected $secret",
                [['pointer' => "/$secret", 'detail' => 'rejected upstream']],
            ),
            'an exception with a public $errors property' => new class ("batch $secret failed") extends \RuntimeException {
                /** @var list<string> */
                public array $errors = ['row 3 failed'];
            },
            'a RuntimeException with code 404' => new \RuntimeException("Upstream $secret answered 404", 404),
            'an InvalidArgumentException with code 422' => new \InvalidArgumentException("Upstream $secret answered 422", 422),
            'a LogicException with code 400' => new \LogicException("config $secret missing", 400),
        ];
        foreach ($lookalikes as $what => $e) {
            $before = count($this->logger->at('error'));
            $response = $this->handler->toResponse($e, 'req-look');
            $this->assertSame(500, $response->status, "$what mapped to {$response->status}: only your own ClientError subclasses are client errors. "
                . 'Classify with instanceof NotFound / ValidationFailed / ClientError, never by the class\'s short name, an $errors property or the exception code.');
            $this->assertStringNotContainsString($secret, $response->body, "The 500 for $what must not contain its message: use the fixed generic detail.");
            $this->assertCount($before + 1, $this->logger->at('error'), "$what is a server error: log it once at error level.");
        }
    }

    public function testUnexpectedExceptionBecomesGeneric500(): void
    {
        $e = new \RuntimeException('SQLSTATE[HY000] [2002] Connection refused to secret-host:3306');
        $response = $this->handler->toResponse($e, 'req-500');
        $this->assertSame(500, $response->status, 'Map every exception that is not a client error to status 500 (the default branch).');
        $body = $this->problem($response);
        $this->assertStringNotContainsString('SQLSTATE', $response->body, 'Never send the database error message to the client; use a generic detail.');
        $this->assertStringNotContainsString('secret-host', $response->body, 'Do not copy the exception message into a 500: host names and SQL belong in the log only.');
        $this->assertStringNotContainsString('#0 ', $response->body, 'Never put getTraceAsString() or the exception itself into the body: send a fixed generic detail.');
        $this->assertStringContainsString('req-500', $response->body, 'The 500 body must contain the request ID so support can find the log entry.');
        $this->assertSame('req-500', $body['requestId'], 'Put the request ID in the "requestId" member.');
    }

    public function testEvery500HasTheSameGenericBody(): void
    {
        $secret = bin2hex(random_bytes(4));
        $failures = [
            new \RuntimeException("disk full on /srv/$secret"),
            new \TypeError("null given in Repo$secret.php"),
            new \DomainException("domain rule $secret broken in a library"),
            new \ErrorException("Undefined array key \"$secret\"", 0, E_WARNING),
            new OrderFailed("order $secret", 0, new \PDOException("SQLSTATE $secret")),
        ];
        $bodies = [];
        foreach ($failures as $e) {
            $response = $this->handler->toResponse($e, 'req-same');
            $this->assertSame(500, $response->status, get_class($e) . ' is not one of your client errors (NotFound, ValidationFailed): map it to 500. Check instanceof ClientError, not a broad parent such as \\DomainException.');
            $this->assertStringNotContainsString($secret, $response->body, 'A 500 body must not contain any part of the exception message.');
            $bodies[$response->body] = get_class($e);
        }
        $this->assertCount(
            1,
            $bodies,
            'Every 500 must have the same fixed body apart from the request ID: no exception class, file, line or code in it (they tell an attacker what runs inside). Different bodies came from: ' . implode(', ', $bodies) . '.',
        );
    }

    public function testUnexpectedExceptionIsLoggedOnceWithRequestId(): void
    {
        $e = new OrderFailed('Could not place order', 0, new \PDOException('SQLSTATE[HY000]: database is locked'));
        $response = $this->handler->toResponse($e, 'req-777');
        $this->assertSame(500, $response->status, 'OrderFailed is not a client error: it must map to 500.');
        $this->assertStringNotContainsString('database is locked', $response->body, 'Do not copy the message of the exception or its previous one into a 500: use a fixed generic detail.');
        $errors = $this->logger->at('error');
        $this->assertCount(1, $errors, 'Call $this->logger->error() once per 500, and never for 4xx.');
        $this->assertSame($e, $errors[0]['context']['exception'] ?? null, "Pass the original exception in the log context as 'exception' (PSR-3 convention).");
        $this->assertSame('req-777', $errors[0]['context']['requestId'] ?? null, "Pass the request ID in the log context as 'requestId'.");
    }
}
