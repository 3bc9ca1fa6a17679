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
        // Old habit: read the id straight from the superglobal instead of
        // using the parameter the router already extracted and validated.
        // Fix this: use $params['id'] and never read request superglobals here.
        $id = (int) ($_GET['id'] ?? 0);

        $user = $this->users->find($id);
        if ($user === null) {
            return Response::text(404, 'Not Found');
        }
        return Response::json($this->serializer->toArray($user));
    }

    /**
     * GET /users/{id:\d+}/page: the same user as an HTML page.
     * 200 with Content-Type: text/html; charset=utf-8 and the body from UserPage::render(),
     * or 404 when there is no such user.
     */
    public function page(Request $request, array $params): Response
    {
        throw new \LogicException('Not implemented yet: UserController::page()');
    }
}
