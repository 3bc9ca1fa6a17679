<?php

declare(strict_types=1);

namespace Exercise\Controller;

use Exercise\Request;
use Exercise\Response;
use Exercise\Service\UserDirectory;
use Exercise\View\UserPage;
use Exercise\View\UserSerializer;

/**
 * A controller translates HTTP into a call on the model and back.
 * It should stay thin: no SQL, no business rules, no superglobals.
 */
final class UserController
{
    public function __construct(
        private readonly UserDirectory $users,
        private readonly UserSerializer $serializer,
        private readonly UserPage $page = new UserPage(),
    ) {
    }

    /** GET /users/{id:\d+} */
    public function show(Request $request, array $params): Response
    {
        // The router has already checked that id is digits only.
        $user = $this->users->find((int) $params['id']);
        if ($user === null) {
            return Response::text(404, 'Not Found');
        }
        return Response::json($this->serializer->toArray($user));
    }

    /** GET /users/{id:\d+}/page */
    public function page(Request $request, array $params): Response
    {
        $user = $this->users->find((int) $params['id']);
        if ($user === null) {
            return Response::text(404, 'Not Found');
        }
        return new Response(200, ['Content-Type' => 'text/html; charset=utf-8'], $this->page->render($user));
    }
}
