// GENERATED from openapi/wupex.yaml by `npm run gen:types` (openapi-typescript). Do not edit by hand.
export interface paths {
    "/api/product/merchant/invited/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List the products your account can order
         * @description Paginated product catalogue (S1 §1.1, S4, S10). `productCode` is the value to send as `sku`
         *     when pulling codes. Filters: DECISIONS #6; paging: DECISIONS #7.
         */
        post: operations["listProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/order/pull-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Place an order and receive its codes
         * @description Buys codes and returns them at once, one serial per unit ordered (S1 §2.1, S5, S6). The body is
         *     a JSON array of order lines; every line's `merchant` must be your own merchant code
         *     (DECISIONS #10). The whole order is fulfilled or refused (DECISIONS #13). Send a
         *     `referenceId` so that a retry returns the same order instead of buying twice (DECISIONS #8).
         */
        post: operations["pullCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/order/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List your orders
         * @description Paginated order history with sorting and filtering (S6, S10). Sorting and filters:
         *     DECISIONS #15 and #16; the order object: DECISIONS #14.
         */
        post: operations["listOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/order/detail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one order with its codes
         * @description Returns the order's lines and serials (S6, S7), in the shape third-party integrations read
         *     (`data.orderData[].serials[]`, DECISIONS #18). Unknown orders and other accounts' orders are
         *     404 (DECISIONS #19).
         */
        get: operations["getOrderDetail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customer/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read your account balance
         * @description Prepaid balance, credit line and their combination (S7), wrapped in the success envelope
         *     (DECISIONS #1).
         */
        get: operations["getBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Error codes by HTTP status (S8 §11.1; the 409 and 413 codes are ours, DECISIONS #23).
         * @enum {string}
         */
        ErrorCode: "INVALID_PAYLOAD" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "INSUFFICIENT_STOCK" | "INSUFFICIENT_BALANCE" | "PRODUCT_DISABLED" | "PAYLOAD_TOO_LARGE" | "TOO_MANY_REQUESTS" | "INTERNAL_ERROR" | "SERVICE_UNAVAILABLE";
        /** @description Every error response (S7, S8, S9). */
        ErrorEnvelope: {
            /** @constant */
            status: false;
            error: {
                code: components["schemas"]["ErrorCode"];
                message: string;
            };
        };
        /** @description Pagination state of a list response (S4, S10). `totalPage` is 0 when nothing matches. */
        PageInfo: {
            /** Format: int32 */
            totalPage: number;
            /** Format: int32 */
            totalCount: number;
            /** Format: int32 */
            pageSize: number;
            /** Format: int32 */
            currentPage: number;
        };
        /**
         * Format: int32
         * @description Page number, from 1 (S1, S4). Default 1 (DECISIONS #7).
         * @default 1
         */
        Page: number;
        /**
         * Format: int32
         * @description Items per page, 1 to 100 (S1, S4). Default 20 (DECISIONS #7).
         * @default 20
         */
        PageSize: number;
        /**
         * @description The documented operators (S4, S6).
         * @enum {string}
         */
        SearchOperator: "Equals" | "GreaterThan";
        /** @description One product filter (S4, DECISIONS #6). Filters combine with AND. */
        ProductSearchFilter: {
            /** @enum {string} */
            column: "productType" | "productCode" | "productName" | "productId";
            operator: components["schemas"]["SearchOperator"];
            value: string;
        };
        /** @description One order filter (S6, DECISIONS #15, #16). `value` is always a string; filters combine with AND. For `orderAmount` it must parse as a number and for `orderDate` as a date-time, else the request is 400 INVALID_PAYLOAD naming `body.search[i].value`. */
        OrderSearchFilter: {
            /** @enum {string} */
            column: "ReferenceId" | "orderName" | "orderAmount" | "orderDate";
            operator: components["schemas"]["SearchOperator"];
            value: string;
        };
        ProductListRequest: {
            page?: components["schemas"]["Page"];
            pageSize?: components["schemas"]["PageSize"];
            search?: components["schemas"]["ProductSearchFilter"][];
        };
        /** @description A product you can order (S1a/S1b union, DECISIONS #4, #5). */
        Product: {
            /**
             * Format: int64
             * @description Seen in third-party code only (T3).
             */
            productId?: string | number;
            productName: string;
            imageUrl?: string | null;
            /** @description Unique code; send it as `sku` when pulling codes. */
            productCode: string;
            price: number;
            /** Format: int32 */
            limit?: number | null;
            /** Format: int32 */
            redeemed?: number | null;
            /** Format: int32 */
            available?: number | null;
            enabled: boolean;
            productType: string;
            balance?: number | null;
            discountRate?: number | null;
            previouslyPurchased?: boolean | null;
            favorite?: boolean | null;
        };
        ProductListResponse: {
            /** @constant */
            status: true;
            data: components["schemas"]["Product"][];
            pageInfo: components["schemas"]["PageInfo"];
        };
        /** @description One line of a pull-codes order (S5). All three fields are required. */
        OrderLine: {
            /** @description Your merchant code; must be your account's own (DECISIONS #10). */
            merchant: string;
            /** @description A product's `productCode`. */
            sku: string;
            /** Format: int32 */
            quantity: number;
        };
        /** @description The order lines (S5, S6). 1 to 50 lines (DECISIONS #10). */
        PullCodesRequest: components["schemas"]["OrderLine"][];
        /** @description One code (one unit). The same shape in pull-codes and order detail (DECISIONS #18). */
        Serial: {
            sku?: string;
            /** @description The redeemable code or PIN. */
            serialCode: string;
            /** @description The card's serial number. */
            serialNumber: string;
            currency?: string | null;
            /** Format: date-time */
            expiryDate?: string | null;
        };
        /**
         * @description One code as pull-codes returns it: a `Serial` whose `sku` is always present (DECISIONS #18). A schema
         *     of its own rather than `allOf: [Serial, {required: [sku]}]`, so that every generator keeps `sku` required;
         *     a unit test keeps its properties identical to `Serial`'s.
         */
        PulledSerial: {
            sku: string;
            /** @description The redeemable code or PIN. */
            serialCode: string;
            /** @description The card's serial number. */
            serialNumber: string;
            currency?: string | null;
            /** Format: date-time */
            expiryDate?: string | null;
        };
        PullCodesResult: {
            /** @description The order's name; the key for `getOrderDetail` and `listOrders`. */
            orderName: string;
            /** @description Seen in third-party code only (T1). */
            requestId?: string;
            totalAmount: number;
            /** @description One entry per unit ordered (S5). */
            serials: components["schemas"]["PulledSerial"][];
        };
        PullCodesResponse: {
            /** @constant */
            status: true;
            data: components["schemas"]["PullCodesResult"];
        };
        OrderListRequest: {
            page?: components["schemas"]["Page"];
            pageSize?: components["schemas"]["PageSize"];
            /**
             * @default orderDate
             * @enum {string}
             */
            orderColumn?: "orderDate" | "orderAmount" | "orderName";
            /**
             * @default DESC
             * @enum {string}
             */
            order?: "ASC" | "DESC";
            search?: components["schemas"]["OrderSearchFilter"][];
        };
        /** @description An order in the history (DECISIONS #14). */
        Order: {
            orderName: string;
            /** Format: date-time */
            orderDate: string;
            orderAmount: number;
            referenceId?: string | null;
            /** Format: int32 */
            itemCount?: number;
        };
        OrderListResponse: {
            /** @constant */
            status: true;
            data: components["schemas"]["Order"][];
            pageInfo: components["schemas"]["PageInfo"];
        };
        /** @description One line of an order with its codes (T1, T3). */
        OrderDetailLine: {
            sku: string;
            productName?: string;
            /** Format: int32 */
            quantity: number;
            unitPrice?: number;
            serials: components["schemas"]["Serial"][];
        };
        OrderDetail: {
            orderName: string;
            /** Format: date-time */
            orderDate: string;
            orderAmount: number;
            referenceId?: string | null;
            orderData: components["schemas"]["OrderDetailLine"][];
        };
        OrderDetailResponse: {
            /** @constant */
            status: true;
            data: components["schemas"]["OrderDetail"];
        };
        /** @description Account balance (S7). No currency is documented (DECISIONS #3). */
        Balance: {
            /** @description Prepaid balance. */
            balance: number;
            /** @description Credit line. */
            credit: number;
            /** @description What you can spend (balance plus credit). */
            creditBalance: number;
        };
        BalanceResponse: {
            /** @constant */
            status: true;
            data: components["schemas"]["Balance"];
        };
    };
    responses: {
        /** @description INVALID_PAYLOAD: a missing or unsupported header, malformed JSON, or a body or query that breaks the schema. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description INVALID_PAYLOAD: a missing or unsupported header, malformed JSON, or a body that breaks the schema (for example a page below 1). */
        BadRequestPaged: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description UNAUTHORIZED: the x-api-key header is missing or the key is not valid for this environment. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description FORBIDDEN: a valid key that may not call this operation. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description FORBIDDEN: a valid key that may not do this: an order line names another merchant code (DECISIONS #10), or the key may not place orders. */
        ForbiddenMerchant: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description NOT_FOUND: an order line's `sku` is not a product this account can order. */
        NotFoundSku: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description NOT_FOUND: no order of this account has this `orderName` (DECISIONS #19). */
        NotFoundOrder: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description INSUFFICIENT_STOCK, INSUFFICIENT_BALANCE or PRODUCT_DISABLED: the order cannot be fulfilled as a whole (DECISIONS #12, #13). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description PAYLOAD_TOO_LARGE: the request body is over 64 KiB (DECISIONS #21). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description TOO_MANY_REQUESTS: rate limit exceeded. Wait (Retry-After when present), then retry with backoff. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description INTERNAL_ERROR: unexpected server error. A retry with backoff may help. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description SERVICE_UNAVAILABLE: temporary problem. Retry with exponential backoff. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /**
         * @description Response language. `en-US` is documented (S2, S3); `en` is accepted too (DECISIONS #20).
         * @example en-US
         */
        AcceptLanguage: "en-US" | "en";
        /**
         * @description Your own reference for the order (S1). Idempotency key per account: repeating it returns the
         *     original order and charges nothing again (DECISIONS #8).
         * @example PROMO2025X
         */
        ReferenceId: string;
        /**
         * @description Sent by third-party clients (T1, T2, T4); meaning undocumented, accepted and ignored (DECISIONS #9).
         * @example true
         */
        AllowTakeAll: boolean;
        /**
         * @description The order's name, as returned by `pullCodes` or `listOrders` (DECISIONS #19).
         * @example A00000000000123
         */
        OrderName: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Seconds to wait before retrying (DECISIONS #22). Optional; honour it when present.
         * @example 1
         */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listProducts: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Response language. `en-US` is documented (S2, S3); `en` is accepted too (DECISIONS #20).
                 * @example en-US
                 */
                "Accept-Language": components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductListRequest"];
            };
        };
        responses: {
            /** @description One page of products. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductListResponse"];
                };
            };
            400: components["responses"]["BadRequestPaged"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    pullCodes: {
        parameters: {
            query?: {
                /**
                 * @description Your own reference for the order (S1). Idempotency key per account: repeating it returns the
                 *     original order and charges nothing again (DECISIONS #8).
                 * @example PROMO2025X
                 */
                referenceId?: components["parameters"]["ReferenceId"];
                /**
                 * @description Sent by third-party clients (T1, T2, T4); meaning undocumented, accepted and ignored (DECISIONS #9).
                 * @example true
                 */
                allowTakeAll?: components["parameters"]["AllowTakeAll"];
            };
            header: {
                /**
                 * @description Response language. `en-US` is documented (S2, S3); `en` is accepted too (DECISIONS #20).
                 * @example en-US
                 */
                "Accept-Language": components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PullCodesRequest"];
            };
        };
        responses: {
            /** @description The order was placed; here are its codes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PullCodesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenMerchant"];
            404: components["responses"]["NotFoundSku"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listOrders: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Response language. `en-US` is documented (S2, S3); `en` is accepted too (DECISIONS #20).
                 * @example en-US
                 */
                "Accept-Language": components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderListRequest"];
            };
        };
        responses: {
            /** @description One page of orders. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderListResponse"];
                };
            };
            400: components["responses"]["BadRequestPaged"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOrderDetail: {
        parameters: {
            query: {
                /**
                 * @description The order's name, as returned by `pullCodes` or `listOrders` (DECISIONS #19).
                 * @example A00000000000123
                 */
                orderName: components["parameters"]["OrderName"];
            };
            header: {
                /**
                 * @description Response language. `en-US` is documented (S2, S3); `en` is accepted too (DECISIONS #20).
                 * @example en-US
                 */
                "Accept-Language": components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order with its codes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDetailResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFoundOrder"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getBalance: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Response language. `en-US` is documented (S2, S3); `en` is accepted too (DECISIONS #20).
                 * @example en-US
                 */
                "Accept-Language": components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account balance. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BalanceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
